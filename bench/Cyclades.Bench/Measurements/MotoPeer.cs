using System.Diagnostics;
using System.Globalization;
using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (1) The peer: moto_server (the default python3's moto) loaded with instances through boto3, then
/// sent the reader's DescribeInstances(MaxResults=100) as AWSSDK.EC2 signs it (moto ignores the
/// signature), replayed by wrk at each concurrency.
/// </summary>
public sealed class MotoPeer(RunDirectory run, Wrk wrk, BenchPlan plan, Action<string> log)
{
    /// <summary>Requests to moto take hundreds of milliseconds and queue behind each other.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Why moto cannot be measured here, or null when it can.</summary>
    public async Task<string?> UnavailableAsync(CancellationToken cancellationToken)
    {
        if (Executable.Find("python3") is not { } python)
        {
            return "python3 was not found";
        }
        var check = await run.RunToEndAsync(python, ["-c", "import moto, boto3; print(moto.__version__)"], cancellationToken);
        return check.ExitCode == 0 ? null : "the default python3 has no moto and boto3 (moto[server] 5.2.1 is expected)";
    }

    public async Task<PeerResult> MeasureAsync(CancellationToken cancellationToken)
    {
        var port = LoopbackPort.Free();
        await using var moto = ChildProcess.Start(run, "moto", Executable.Require("python3", null, "python3"),
            ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)]);
        await LoopbackPort.WaitForListenerAsync(port, moto, TimeSpan.FromSeconds(60), cancellationToken);
        var endpoint = new Uri($"http://127.0.0.1:{port}/");

        var loading = Stopwatch.StartNew();
        await LoadAsync(port, cancellationToken);
        loading.Stop();
        log($"moto: {plan.MotoInstances} instances loaded in {loading.Elapsed.TotalSeconds:0} s");

        var (request, answer) = await SdkRequestCapture.DescribeInstancesAsync(endpoint, FleetUsers.Reader, cancellationToken);
        if (answer.Status != 200 || answer.InstanceCount == 0)
        {
            throw new BenchException($"moto answered {answer.Status} with {answer.InstanceCount} instances.");
        }
        await wrk.RunAsync(endpoint, request, 1, plan.Warmup, cancellationToken, RequestTimeout);
        var results = new List<LoadResult>();
        double? perSecond = null;
        foreach (var connections in plan.Concurrencies)
        {
            // moto answers one request at a time: give every connection about three answers.
            var duration = perSecond is { } rate
                ? TimeSpan.FromSeconds(Math.Clamp(3 * connections / rate, plan.MotoDuration.TotalSeconds, plan.MotoMaxDuration.TotalSeconds))
                : plan.MotoDuration;
            var result = await wrk.RunAsync(endpoint, request, connections, duration, cancellationToken, RequestTimeout);
            if (result.Errors > 0)
            {
                throw new BenchException($"moto failed {result.Errors} requests at c={connections}: the measurement is void.");
            }
            if (result.Requests == 0)
            {
                log($"moto c={connections}: no answer within {duration.TotalSeconds:0} s (not measured)");
                continue;
            }
            perSecond ??= result.RequestsPerSecond;
            results.Add(result);
            log($"moto c={connections}: {result.RequestsPerSecond:0.0} req/s (p50 {result.P50Ms:0} ms) over {duration.TotalSeconds:0} s");
        }
        return new PeerResult("moto_server 5.2.1", plan.MotoInstances, answer.InstanceCount, loading.Elapsed, results);
    }

    private async Task LoadAsync(int port, CancellationToken cancellationToken)
    {
        var singles = Math.Min(plan.MotoInstances, SdkRequestCapture.PageSize);
        (await run.RunToEndAsync(Executable.Require("python3", null, "python3"),
            [Repository.BenchFile("scripts", "moto_load.py"), $"{port}", $"{plan.MotoInstances}", $"{singles}"], cancellationToken))
            .OrThrow("Loading moto (bench/scripts/moto_load.py)");
    }
}
