using System.Diagnostics;
using System.Globalization;
using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// (1) The peer: moto_server (the default python3's moto) loaded with instances through boto3, then
/// sent the very request replayed against the service (moto ignores the signature), by wrk at each
/// concurrency.
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

    public async Task<PeerResult> MeasureAsync(CapturedRequest request, CancellationToken cancellationToken)
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

        var page = await PageSizeAsync(endpoint, request, cancellationToken);
        await wrk.RunAsync(endpoint, request, 1, plan.Warmup, cancellationToken, RequestTimeout);
        var results = new List<LoadResult>();
        foreach (var connections in plan.Concurrencies)
        {
            var result = await wrk.RunAsync(endpoint, request, connections, plan.MotoDuration, cancellationToken, RequestTimeout);
            if (result.Errors > 0 || result.Requests == 0)
            {
                throw new BenchException($"moto answered {result.Requests} requests with {result.Errors} failures at c={connections}: the measurement is void.");
            }
            results.Add(result);
            log($"moto c={connections}: {result.RequestsPerSecond:0.0} req/s (p50 {result.P50Ms:0} ms)");
        }
        return new PeerResult("moto_server 5.2.1", plan.MotoInstances, page, loading.Elapsed, results);
    }

    private async Task LoadAsync(int port, CancellationToken cancellationToken)
    {
        var singles = Math.Min(plan.MotoInstances, 2 * SdkRequestCapture.PageSize);
        (await run.RunToEndAsync(Executable.Require("python3", null, "python3"),
            [Repository.BenchFile("scripts", "moto_load.py"), $"{port}", $"{plan.MotoInstances}", $"{singles}"], cancellationToken))
            .OrThrow("Loading moto (bench/scripts/moto_load.py)");
    }

    /// <summary>How many instances moto's answer to the request holds (moto pages by reservation).</summary>
    private static async Task<int> PageSizeAsync(Uri endpoint, CapturedRequest request, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = RequestTimeout };
        using var response = await http.SendAsync(request.ToMessage(endpoint), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var count = SdkRequestCapture.CountInstances(body);
        if (!response.IsSuccessStatusCode || count == 0)
        {
            throw new BenchException($"moto answered {(int)response.StatusCode} with {count} instances:\n{body[..Math.Min(body.Length, 500)]}");
        }
        return count;
    }
}
