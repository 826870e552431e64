using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>EC2's <c>ShutdownBehavior</c>: what a shutdown from inside the instance does.</summary>
public static class ShutdownBehaviors
{
    public const string Stop = "stop";
    public const string Terminate = "terminate";

    public static bool IsValid(string value) => value is Stop or Terminate;

    public static string Of(GuestShutdownAction action) => action == GuestShutdownAction.Destroy ? Terminate : Stop;

    public static GuestShutdownAction ToAction(string behavior) => behavior == Terminate ? GuestShutdownAction.Destroy : GuestShutdownAction.Stop;
}
