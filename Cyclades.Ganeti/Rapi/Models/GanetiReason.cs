namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// One entry of an opcode's reason trail, <c>[source, text, nanoseconds]</c>: e.g.
/// <c>["gnt:client:gnt-instance", "shutdown", 1795553403513897984]</c> for a job an administrator
/// submitted with the CLI, <c>["gnt:library:rlib2:instances", "", …]</c> for one from the RAPI.
/// </summary>
/// <param name="TimestampNanoseconds">~1.8e18: beyond a double's exact range, hence Int64.</param>
public sealed record GanetiReason(string Source, string Text, long TimestampNanoseconds)
{
    public const string CliSourcePrefix = "gnt:client:";
    public const string RapiSourcePrefix = "gnt:library:rlib2";
}
