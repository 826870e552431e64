namespace Cyclades.Logic.Diagnostics;

/// <summary>
/// The logic layer's meter. Instruments are named relative to it, as an exporter shows them
/// prefixed with the meter's name (Prometheus: <c>cyclades_logic_&lt;instrument&gt;</c>).
/// </summary>
public static class LogicMeter
{
    public const string Name = "Cyclades.Logic";
}
