using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Cyclades.Bench.Infrastructure;
using Cyclades.Soak.Nodes;

namespace Cyclades.Soak.Cluster;

/// <summary><c>Cyclades.Ganeti.Simulator</c> as its own process on a loopback port, injecting the plan's faults.</summary>
public sealed class SimulatorCluster : SoakCluster
{
    private readonly ChildProcess _process;

    private SimulatorCluster(ChildProcess process, Uri url, string fingerprint) : base(url, fingerprint, null, null) => _process = process;

    public static async Task<SimulatorCluster> StartAsync(RunDirectory run, string assembly, SoakPlan plan, CancellationToken cancellationToken)
    {
        if (!File.Exists(assembly))
        {
            throw new BenchException($"{assembly} is missing: build it first (scripts/soak does).");
        }
        var port = LoopbackPort.Free();
        var ready = run.File("simulator.json");
        string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
        var process = ChildProcess.Start(run, "simulator", "dotnet",
        [
            assembly, $"--Port={port}", $"--ReadyFile={ready}", "--ClusterName=soak",
            $"--Cyclades:Ganeti:Simulator:JobLatencyMs={plan.JobLatencyMs}",
            "--Cyclades:Ganeti:Simulator:JobWaitTimeoutMs=2000",
            "--Cyclades:Ganeti:Simulator:NodeCount=4",
            $"--Faults:JobErrorRate={Invariant(plan.JobErrorRate)}", $"--Faults:ServerErrorRate={Invariant(plan.ServerErrorRate)}",
            $"--Faults:TimeoutRate={Invariant(plan.TimeoutRate)}", $"--Faults:LostAnswerRate={Invariant(plan.LostAnswerRate)}",
            $"--Faults:MaxLatencyMs={plan.MaxLatencyMs}", $"--Faults:HangMs={ServiceConfiguration.RapiTimeoutMs + 4_000}",
        ], workingDirectory: Path.GetDirectoryName(assembly));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(ready))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new BenchException($"The simulator did not start:\n{process.Tail()}");
            }
            await Task.Delay(100, cancellationToken);
        }
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(ready, cancellationToken));
        return new SimulatorCluster(process, new Uri(document.RootElement.GetProperty("url").GetString()!),
            document.RootElement.GetProperty("fingerprint").GetString()!);
    }

    public override IReadOnlyDictionary<string, string> ServiceSettings(string backendName) => new Dictionary<string, string>
    {
        ["Cyclades__Ganeti__Clusters__0__Name"] = backendName,
        ["Cyclades__Ganeti__Clusters__0__Url"] = Url.ToString(),
        ["Cyclades__Ganeti__Clusters__0__CertificateFingerprint"] = Fingerprint!,
    };

    public override async Task<SimulatorFaults?> FaultsAsync(CancellationToken cancellationToken)
    {
        var counts = (await GetJsonAsync("/_simulator/faults", cancellationToken)).GetProperty("counts");
        long Count(string name) => counts.GetProperty(name).GetInt64();
        return new SimulatorFaults(Count("requests"), Count("jobErrors"), Count("serverErrors"), Count("timeouts"), Count("lostAnswers"));
    }

    public override async Task StopFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.PutAsJsonAsync("/_simulator/faults", new { }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public override async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await base.DisposeAsync();
    }
}
