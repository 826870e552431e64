namespace Cyclades.Bench.Infrastructure;

/// <summary>Another commit of this repository, exported into the run directory (<c>git archive</c>) and built in Release.</summary>
public static class OtherCommit
{
    /// <returns>The path of its service's build.</returns>
    public static async Task<string> BuildAsync(RunDirectory run, string commit, Action<string> log, CancellationToken cancellationToken)
    {
        var archive = run.File("other.tar");
        (await run.RunToEndAsync("git", ["-C", Repository.Root, "archive", "--format=tar", "-o", archive, commit], cancellationToken)).OrThrow("git archive");
        var root = run.Subdirectory("other");
        (await run.RunToEndAsync("tar", ["-xf", archive, "-C", root], cancellationToken)).OrThrow("tar");
        log($"building {commit} (Release)");
        var project = Path.Combine(root, "Cyclades.Host", "Cyclades.Host.csproj");
        (await run.RunToEndAsync("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], cancellationToken)).OrThrow("dotnet build");
        return Path.Combine(root, "Cyclades.Host", "bin", "Release", "net10.0", "Cyclades.Host.dll");
    }
}
