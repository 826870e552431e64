using System.Diagnostics;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// Removes what earlier test runs that were killed before their teardown left behind: the data
/// directories of throwaway servers (<c>{temp}/{prefix}{pid}</c>) whose test process is gone, after
/// killing any <c>mariadbd</c> still running on one of them.
/// </summary>
internal static class StaleMariaDbRuns
{
    public static void Remove(string prefix)
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(root)[prefix.Length..], out var pid) || IsAlive(pid))
            {
                continue;
            }
            foreach (var server in ServersOn(root))
            {
                server.Kill();
                server.WaitForExit(10_000);
            }
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Another run is removing it at the same moment.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<Process> ServersOn(string root)
    {
        foreach (var process in Process.GetProcessesByName("mariadbd"))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline");
            }
            catch (IOException)
            {
                continue;
            }
            if (commandLine.Contains($"--datadir={root}/", StringComparison.Ordinal))
            {
                yield return process;
            }
        }
    }
}
