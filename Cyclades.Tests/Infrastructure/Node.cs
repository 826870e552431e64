using System.Text.Json;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// Node.js (≥ 20) and npm, for the JS SDK v3 scripts in <c>Contract/Node/</c>. The scripts run from the
/// source tree, where <c>npm ci</c> installs the pinned <c>package-lock.json</c> (scripts/test does it; a
/// test does it itself when <c>node_modules</c> is missing). Missing node in CI fails the test; elsewhere it
/// is ignored (<see cref="RequiredService"/>). A failing <c>npm ci</c> always fails.
/// </summary>
public static class Node
{
    private static readonly Lazy<string?> Problem = new(() =>
    {
        if (ExternalProcess.Which("node") is not { } node || ExternalProcess.Which("npm") is null)
        {
            return "node and npm are not on PATH";
        }
        var version = ExternalProcess.RunAsync(node, ["-p", "process.versions.node.split('.')[0]"]).GetAwaiter().GetResult();
        return int.TryParse(version.Stdout.Trim(), out var major) && major >= 20 ? null : $"node {version.Stdout.Trim()} is older than 20";
    });

    private static readonly Lazy<Task<ProcessResult?>> Install = new(InstallAsync);

    /// <summary><c>Cyclades.Tests/Contract/Node</c> in the source tree.</summary>
    public static string ProjectDirectory { get; } = FindProject();

    /// <summary>Runs <c>Contract/Node/<paramref name="script"/></c> with <paramref name="environment"/> and parses the JSON it prints.</summary>
    public static async Task<(int ExitCode, JsonElement Output)> RunScriptAsync(string script, IReadOnlyDictionary<string, string?> environment)
    {
        if (Problem.Value is { } problem)
        {
            RequiredService.Unavailable("Node.js 20 with npm", problem);
        }
        var install = await Install.Value;
        Assert.That(install?.ExitCode ?? 0, Is.Zero, $"npm ci in {ProjectDirectory}: {install}");

        var result = await ExternalProcess.RunAsync(ExternalProcess.Which("node")!, [Path.Combine(ProjectDirectory, script)], environment,
            workingDirectory: ProjectDirectory);
        var json = result.Stdout.Trim().Split('\n').LastOrDefault(line => line.StartsWith('{'));
        Assert.That(json, Is.Not.Null, $"node {script} printed no JSON: {result}");
        return (result.ExitCode, JsonDocument.Parse(json!).RootElement.Clone());
    }

    /// <summary><c>npm ci</c> once per test run when <c>node_modules</c> is missing (a fresh checkout running <c>dotnet test</c> alone).</summary>
    private static async Task<ProcessResult?> InstallAsync()
    {
        if (Directory.Exists(Path.Combine(ProjectDirectory, "node_modules")))
        {
            return null;
        }
        return await ExternalProcess.RunAsync(ExternalProcess.Which("npm")!, ["ci", "--no-audit", "--no-fund"], workingDirectory: ProjectDirectory);
    }

    private static string FindProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "Cyclades.Tests", "Contract", "Node");
            if (File.Exists(Path.Combine(project, "package-lock.json")))
            {
                return project;
            }
        }
        throw new DirectoryNotFoundException($"Cyclades.Tests/Contract/Node/package-lock.json is not above {AppContext.BaseDirectory}");
    }
}
