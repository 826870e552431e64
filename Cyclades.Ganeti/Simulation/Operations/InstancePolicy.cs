using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>Ganeti's default instance policy (<c>ipolicy</c> min/max).</summary>
internal static class InstancePolicy
{
    private static readonly Dictionary<string, (int Minimum, int Maximum)> Bounds = new()
    {
        ["memory-size"] = (128, 32768),
        ["cpu-count"] = (1, 8),
        ["disk-count"] = (1, 16),
        ["disk-size"] = (1024, 1_048_576),
        ["nic-count"] = (1, 8),
    };

    public static void Check(string what, int value)
    {
        var (minimum, maximum) = Bounds[what];
        if (value < minimum || value > maximum)
        {
            throw SimulatedOpFailure.Prerequisite(
                $"Instance allocation to group default violates policy: {what} value {value} is not in range [{minimum}, {maximum}]",
                GanetiErrorCodes.WrongInput);
        }
    }
}
