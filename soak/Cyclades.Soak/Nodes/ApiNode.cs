using System.Globalization;
using Cyclades.Bench.Infrastructure;

namespace Cyclades.Soak.Nodes;

/// <summary>
/// One API node: the service's process on its own loopback port, all nodes on one database. It can be
/// killed (<c>kill -9</c>: SIGKILL, no graceful stop) and started again on the same port.
/// </summary>
public sealed class ApiNode(RunDirectory run, ServiceConfiguration configuration, int index, bool dispatcher)
{
    private readonly int _port = LoopbackPort.Free();
    private readonly Lock _gate = new();
    private ChildProcess? _process;
    private int _starts;
    private bool _ready;

    public int Index { get; } = index;

    public bool Dispatcher { get; } = dispatcher;

    public Uri Endpoint => new($"http://127.0.0.1:{_port}/");

    public int? ProcessId
    {
        get { lock (_gate) { return _process is { HasExited: false } p ? p.Id : null; } }
    }

    /// <summary>Started and answering EC2 requests (what a load balancer's health check sees).</summary>
    public bool IsUp => Volatile.Read(ref _ready) && ProcessId is not null;

    public string Name => $"api{Index}{(Dispatcher ? "-dispatcher" : "")}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Increment(ref _starts);
        var process = ChildProcess.Start(run, $"{Name}.{generation}", "dotnet",
            [configuration.Assembly, "--urls", Endpoint.ToString().TrimEnd('/')],
            configuration.For(run.Subdirectory($"api{Index}"), Dispatcher),
            workingDirectory: Path.GetDirectoryName(configuration.Assembly));
        lock (_gate)
        {
            _process = process;
        }
        await LoopbackPort.WaitForListenerAsync(_port, process, TimeSpan.FromSeconds(120), cancellationToken);
        await WaitUntilAnswersAsync(process, cancellationToken);
        Volatile.Write(ref _ready, true);
    }

    /// <summary>SIGKILL to the process (and its children): what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        Volatile.Write(ref _ready, false);
        ChildProcess? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
        }
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Kestrel listens before the start-up work (migrations, sync) ends; wait for an EC2 answer.</summary>
    private async Task WaitUntilAnswersAsync(ChildProcess process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(Endpoint, cancellationToken);
                if ((await response.Content.ReadAsStringAsync(cancellationToken)).Contains("<Response", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new BenchException($"{Name} did not start (exit code {(process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "-")}):\n{process.Tail()}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
