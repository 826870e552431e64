namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>The job and opcode status strings of Ganeti.</summary>
public static class GanetiJobStatuses
{
    public const string Queued = "queued";
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Canceling = "canceling";
    public const string Canceled = "canceled";
    public const string Success = "success";
    public const string Error = "error";

    public static bool IsFinal(string? status) => status is Success or Error or Canceled;
}
