using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Dispatch;
using Cyclades.Tests.Dispatch.Support;

namespace Cyclades.Tests.Integration;

/// <summary>Prints the dispatcher lag measured during a fixture (job end → database commit), for the record; never asserted.</summary>
internal static class LagReport
{
    public static async Task WriteAsync(string fixture, MetricRecorder metrics)
    {
        var lags = metrics.Values(LogicMetrics.LagInstrument).Order().ToList();
        if (lags.Count == 0)
        {
            return;
        }
        double Percentile(double p) => lags[(int)Math.Min(lags.Count - 1, Math.Ceiling(p * lags.Count) - 1)] * 1000;
        await TestContext.Progress.WriteLineAsync(
            $"dispatcher lag ({fixture}, {lags.Count} final events): median {Percentile(0.5):0.0} ms, p90 {Percentile(0.9):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {lags[^1] * 1000:0.0} ms");
    }
}
