using System.Globalization;
using System.Net.Http;

namespace Cyclades.Bench.Infrastructure;

/// <summary>
/// The Cyclades EC2 service as its own process: the Release build run with <c>dotnet</c>, configured
/// with command-line settings, logging at its default level into the run directory.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServiceProcess(ChildProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    public int ProcessId => _process.Id;

    /// <summary>Peak resident set size since the process started (VmHWM).</summary>
    public long PeakResidentBytes => ProcessStats.PeakResidentBytes(_process.Id);

    /// <summary>CPU time the service has used so far.</summary>
    public TimeSpan CpuTime => ProcessStats.CpuTime(_process.Id);

    /// <param name="name">Names the log file, e.g. <c>service-sqlite</c>.</param>
    /// <param name="settings">Configuration keys and values (<c>Cyclades:Database:Provider</c> …).</param>
    /// <param name="environmentName">ASPNETCORE_ENVIRONMENT (which appsettings.{env}.json applies).</param>
    /// <param name="assembly">The service's build (default: this checkout's, <see cref="Repository.ServiceAssembly"/>).</param>
    public static async Task<ServiceProcess> StartAsync(
        RunDirectory run, string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken,
        string environmentName = "Production", string? assembly = null)
    {
        assembly ??= Repository.ServiceAssembly;
        if (!File.Exists(assembly))
        {
            throw new BenchException($"{assembly} is missing: build it with `dotnet build -c Release` (bench/run does).");
        }
        var port = LoopbackPort.Free();
        var arguments = new List<string> { assembly, "--urls", $"http://127.0.0.1:{port}" };
        arguments.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var process = ChildProcess.Start(run, name, "dotnet", arguments,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = environmentName,
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            },
            workingDirectory: Path.GetDirectoryName(assembly));
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await LoopbackPort.WaitForListenerAsync(port, process, TimeSpan.FromSeconds(120), cancellationToken);
        await service.WaitUntilAnswersAsync(cancellationToken);
        return service;
    }

    /// <summary>Kestrel listens before the start-up work (migrations, sync) ends; wait for an EC2 answer.</summary>
    private async Task WaitUntilAnswersAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(Endpoint, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (body.Contains("<Response>", StringComparison.Ordinal) || body.Contains("Response xmlns", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new BenchException($"The service did not start (exit code {(_process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "-")}):\n{_process.Tail()}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
