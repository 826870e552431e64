using System.Globalization;

namespace Cyclades.Bench.Infrastructure;

/// <summary>What /proc tells about a process the benchmark started.</summary>
public static class ProcessStats
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    /// <summary>User plus system CPU time the process has used so far (utime + stime in /proc/&lt;pid&gt;/stat).</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // Fields after the command name (which is in parentheses and may contain spaces).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

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
