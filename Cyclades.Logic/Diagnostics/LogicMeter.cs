using System.Diagnostics.Metrics;

namespace Cyclades.Logic.Diagnostics;

/// <summary>
/// The logic layer's meter. Instruments are named relative to it, as an exporter shows them
/// prefixed with the meter's name (Prometheus: <c>cyclades_logic_&lt;instrument&gt;</c>).
/// </summary>
public static class LogicMeter
{
    public const string Name = "Cyclades.Logic";

    /// <summary>The host's meter (owned by its factory) or, without one, a meter of its own.</summary>
    public static Meter Create(IMeterFactory? factory) => factory?.Create(Name) ?? new Meter(Name);
}
