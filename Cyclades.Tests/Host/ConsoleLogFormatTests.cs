using System.Text.Json;
using Cyclades.Host.Hosting;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Host;

/// <summary>
/// The service's console: JSON lines when its output is redirected (as here, and under systemd or a
/// log collector), and whatever <c>Logging:Console:FormatterName</c> says when set. (On a terminal it
/// writes readable lines: <see cref="ConsoleLogging.DefaultFormatter"/>.)
/// </summary>
[Category("Contract")]
public sealed class ConsoleLogFormatTests
{
    private string _workDirectory = null!;

    [SetUp]
    public void SetUp() => _workDirectory = Directory.CreateTempSubdirectory("cyclades-console-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_workDirectory, recursive: true);

    [Test]
    public async Task Redirected_output_gets_json_lines()
    {
        var lines = await LogLinesAsync(new Dictionary<string, string?>());

        Assert.That(lines, Has.Some.StartsWith("{"), string.Join('\n', lines));
        var listening = lines.Single(l => l.Contains("Now listening on", StringComparison.Ordinal));
        Assert.That(JsonDocument.Parse(listening).RootElement.GetProperty("Category").GetString(), Is.EqualTo("Microsoft.Hosting.Lifetime"));
    }

    [Test]
    public async Task The_configured_formatter_wins()
    {
        var lines = await LogLinesAsync(new Dictionary<string, string?> { ["Logging__Console__FormatterName"] = "simple" });

        Assert.That(lines, Has.Some.EqualTo("info: Microsoft.Hosting.Lifetime[14]"), string.Join('\n', lines));
        Assert.That(lines, Has.None.StartsWith("{"));
    }

    [Test]
    public void A_terminal_gets_readable_lines_and_anything_else_json() =>
        Assert.That((ConsoleLogging.DefaultFormatter(outputRedirected: false), ConsoleLogging.DefaultFormatter(outputRedirected: true)),
            Is.EqualTo(("simple", "json")));

    private async Task<string[]> LogLinesAsync(Dictionary<string, string?> environment)
    {
        environment["Cyclades__DataDirectory"] = Path.Combine(_workDirectory, "data");
        using var service = new ServiceProcess(_workDirectory, environment);
        await service.WaitUntilListeningAsync();
        return service.Stop().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
