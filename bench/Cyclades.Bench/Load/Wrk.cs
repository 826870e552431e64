using System.Globalization;
using System.Text.Json;
using Cyclades.Bench.Infrastructure;

namespace Cyclades.Bench.Load;

/// <summary>
/// Drives a server with wrk (a separate process) replaying one captured request over
/// <c>connections</c> keep-alive connections for a fixed time.
/// </summary>
public sealed class Wrk(RunDirectory run)
{
    private readonly string _wrk = Executable.Require("wrk", "/usr/bin/wrk", "Debian package wrk");
    private readonly string _script = Repository.BenchFile("scripts", "replay.lua");
    private int _files;

    public async Task<LoadResult> RunAsync(
        Uri endpoint, CapturedRequest request, int connections, TimeSpan duration, CancellationToken cancellationToken,
        TimeSpan? timeout = null)
    {
        var requestFile = run.File($"request-{Interlocked.Increment(ref _files)}.txt");
        request.WriteReplayFile(requestFile);
        var threads = Math.Min(connections, Environment.ProcessorCount);
        var output = (await run.RunToEndAsync(_wrk,
        [
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
            "--timeout", $"{(int)(timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds}s",
            "-s", _script, endpoint.GetLeftPart(UriPartial.Authority) + "/", "--", requestFile,
        ], cancellationToken)).OrThrow("wrk");
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new BenchException($"wrk printed no summary:\n{output}");
        return Parse(JsonDocument.Parse(line).RootElement, connections);
    }

    private static LoadResult Parse(JsonElement json, int connections)
    {
        var errors = json.GetProperty("errors");
        var latency = json.GetProperty("latency_us");
        var requests = json.GetProperty("requests").GetInt64();
        var seconds = json.GetProperty("duration_us").GetInt64() / 1e6;
        return new LoadResult(
            connections,
            requests,
            requests / seconds,
            latency.GetProperty("p50").GetInt64() / 1000.0,
            latency.GetProperty("p99").GetInt64() / 1000.0,
            errors.EnumerateObject().Sum(e => e.Value.GetInt64()));
    }
}

/// <param name="Errors">Failed connections, reads, timeouts and non-2xx answers: a measurement with any is void.</param>
/// <param name="ServerCpuMsPerRequest">CPU time the server process used per answered request (null when not read):
/// steadier than throughput on a shared machine.</param>
public sealed record LoadResult(int Concurrency, long Requests, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors,
    double? ServerCpuMsPerRequest = null);
