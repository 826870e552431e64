using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Admin.Support;

/// <summary>
/// The admin command line as an operator runs it: the service's built dll (the test project's
/// output, so it is built once per run) with <c>manage</c> and real arguments, in a working
/// directory of its own, configured like the service through <c>Cyclades__…</c> environment variables.
/// </summary>
public sealed class AdminCli
{
    private readonly Dictionary<string, string?> _environment;
    private readonly string _workingDirectory;

    /// <param name="settings">The service's settings (e.g. <c>Cyclades:Database:Provider</c>).</param>
    public AdminCli(IReadOnlyDictionary<string, string?> settings, string workingDirectory)
    {
        _workingDirectory = workingDirectory;
        _environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        _environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _environment["DOTNET_ENVIRONMENT"] = null;
    }

    public static string ServiceDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "Cyclades.Host.dll");

    public Task<ProcessResult> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    public Task<ProcessResult> RunWithInputAsync(string? stdin, params string[] arguments) =>
        ExternalProcess.RunAsync("dotnet", [ServiceDll, "manage", .. arguments], _environment, stdin, _workingDirectory);

    /// <summary>Runs with <c>--json</c>, expects success and returns the parsed output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await SucceedsAsync([.. arguments, "--json"]);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    public async Task<ProcessResult> SucceedsAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.That(result.ExitCode, Is.Zero, $"manage {string.Join(' ', arguments)}: {result}");
        return result;
    }

    /// <summary>Expects the one-line error of a mistake: a non-zero exit, one line on stderr, no stack trace.</summary>
    public async Task<string> FailsAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
            Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
            Assert.That(result.Stdout + result.Stderr, Does.Not.Contain("   at "), "no stack trace");
        });
        Assert.That(lines[0], Does.StartWith("cyclades-ec2 manage: "));
        return lines[0];
    }
}
