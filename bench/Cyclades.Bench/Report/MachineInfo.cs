using System.Globalization;
using System.Runtime.InteropServices;

namespace Cyclades.Bench.Report;

/// <summary>The machine a run measured on (from /proc).</summary>
public sealed record MachineInfo(int Cpus, string CpuModel, long MemoryBytes, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? "unknown",
        long.Parse((ProcField("/proc/meminfo", "MemTotal") ?? "0 kB").Split(' ')[0], CultureInfo.InvariantCulture) * 1024,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{Cpus} CPUs ({CpuModel}), {MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB RAM, {Os}, {Runtime}";

    private static string? ProcField(string file, string name) =>
        File.Exists(file)
            ? File.ReadLines(file)
                .Where(line => line.StartsWith(name, StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault()
            : null;
}
