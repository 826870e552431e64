using Cyclades.Bench.Infrastructure;
using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>
/// The read path of this checkout against another commit's (<c>--compare-with</c>): both services up on copies of one
/// SQLite fleet, measured in turns — a slot of one, then of the other, at each concurrency, round after round, with the
/// side that goes first alternating — so that a machine whose speed drifts over minutes weighs on both alike. Two whole
/// runs one after the other differ by up to a third on a shared two-processor machine; slots seconds apart do not.
/// </summary>
public sealed class ReadPathComparison(Wrk wrk, BenchPlan plan, Action<string> log)
{
    public async Task<ComparisonResult> MeasureAsync(ServiceProcess ours, ServiceProcess theirs, CancellationToken cancellationToken)
    {
        var sides = new[] { new Side(ours, (await ReadPath.CaptureAsync(ours, cancellationToken)).Request),
                            new Side(theirs, (await ReadPath.CaptureAsync(theirs, cancellationToken)).Request) };
        foreach (var side in sides)
        {
            log($"warming {(side == sides[0] ? "this checkout" : "the other commit")} up ({plan.ServiceWarmup.TotalSeconds:0} s)");
            await wrk.RunAsync(side.Service.Endpoint, side.Request, 16, plan.ServiceWarmup, cancellationToken);
        }
        var rounds = new List<ComparisonRound>();
        for (var round = 1; round <= plan.CompareRounds; round++)
        {
            foreach (var connections in plan.Concurrencies)
            {
                var order = round % 2 == 1 ? sides : sides.Reverse().ToArray();
                foreach (var side in order)
                {
                    await side.MeasureAsync(wrk, connections, plan.CompareSlot, cancellationToken);
                }
                rounds.Add(new ComparisonRound(round, connections, sides[0].Last!.Value, sides[1].Last!.Value));
                log($"round {round} c={connections}: {sides[0].Last:0.000} vs {sides[1].Last:0.000} CPU ms/req ({rounds[^1].Ratio:0.00})");
            }
        }
        var points = plan.Concurrencies
            .Select(c => new ComparisonPoint(c, sides[0].CpuMsPerRequest(c), sides[1].CpuMsPerRequest(c),
                Median(rounds.Where(r => r.Concurrency == c).Select(r => r.Ratio))))
            .ToList();
        return new ComparisonResult(points, rounds, ours.PeakResidentBytes, theirs.PeakResidentBytes);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One service and what it used over all its slots, by concurrency.</summary>
    private sealed class Side(ServiceProcess service, CapturedRequest request)
    {
        private readonly Dictionary<int, (double CpuMs, long Requests)> _totals = [];

        public ServiceProcess Service => service;

        public CapturedRequest Request => request;

        /// <summary>The CPU ms per request of the last slot.</summary>
        public double? Last { get; private set; }

        public async Task MeasureAsync(Wrk wrk, int connections, TimeSpan slot, CancellationToken cancellationToken)
        {
            var result = ReadPath.Valid(await ReadPath.MeasurePointAsync(wrk, service, request, connections, slot, cancellationToken), "service");
            if (result.Requests == 0)
            {
                throw new BenchException($"wrk got no answer in a {slot.TotalSeconds:0} s slot at c={connections}: the comparison is void.");
            }
            Last = result.ServerCpuMsPerRequest!.Value;
            var (total, requests) = _totals.GetValueOrDefault(connections);
            _totals[connections] = (total + Last.Value * result.Requests, requests + result.Requests);
        }

        public double CpuMsPerRequest(int connections) =>
            _totals[connections].CpuMs / _totals[connections].Requests;
    }
}

/// <param name="Ratio">This checkout's CPU per request over the other commit's.</param>
public sealed record ComparisonRound(int Round, int Concurrency, double OursCpuMs, double TheirsCpuMs)
{
    public double Ratio => OursCpuMs / TheirsCpuMs;
}

/// <param name="OursCpuMs">This checkout's CPU ms per request over all its slots at this concurrency.</param>
/// <param name="MedianRatio">The median of the rounds' ratios (ours over theirs).</param>
public sealed record ComparisonPoint(int Concurrency, double OursCpuMs, double TheirsCpuMs, double MedianRatio)
{
    public double Ratio => OursCpuMs / TheirsCpuMs;
}

public sealed record ComparisonResult(IReadOnlyList<ComparisonPoint> Points, IReadOnlyList<ComparisonRound> Rounds, long OursPeakRss, long TheirsPeakRss);
