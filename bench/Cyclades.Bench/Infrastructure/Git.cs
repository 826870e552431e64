using System.Diagnostics;

namespace Cyclades.Bench.Infrastructure;

public static class Git
{
    /// <summary>The commit the repository is at (short), marked <c>+dirty</c> with uncommitted changes; "unknown" without git.</summary>
    public static string Commit()
    {
        try
        {
            var commit = Run("rev-parse", "--short", "HEAD");
            return Run("status", "--porcelain", "--untracked-files=no").Length > 0 ? commit + "+dirty" : commit;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "unknown";
        }
    }

    private static string Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed");
    }
}
