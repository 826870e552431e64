using System.Globalization;

namespace Cyclades.Bench.Infrastructure;

public static class ProcessMemory
{
    /// <summary>The peak resident set size (<c>VmHWM</c> in /proc/&lt;pid&gt;/status), in bytes.</summary>
    public static long PeakResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new BenchException($"/proc/{processId}/status has no VmHWM line.");
    }
}
