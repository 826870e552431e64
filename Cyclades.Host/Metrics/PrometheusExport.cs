using System.Diagnostics.Metrics;
using Prometheus;

namespace Cyclades.Host.Metrics;

/// <summary>
/// Exports this host's .NET meters in the Prometheus text format through prometheus-net's meter
/// adapter, into a registry of its own: the meters named <c>Cyclades.*</c> (those this host's meter
/// factory created, or created without one) and the runtime's <c>System.Runtime</c>. A meter
/// <c>Cyclades.Ec2</c> with instrument <c>requests</c> is the metric <c>cyclades_ec2_requests</c>;
/// counters come out as gauges (the adapter's choice: a meter may be re-created). Histogram buckets
/// follow the instrument's advice, else sensible ones for seconds.
/// </summary>
public sealed class PrometheusExport : IDisposable
{
    private static readonly double[] SecondsBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly IDisposable _adapter;

    public PrometheusExport(IMeterFactory meters)
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Prometheus.Metrics.WithCustomRegistry(Registry),
            InstrumentFilterPredicate = instrument => IsExported(instrument.Meter, meters),
            ResolveHistogramBuckets = Buckets,
            // A series unchanged for this long is dropped and restarts from zero (as after a restart);
            // the longest the adapter allows, so that rare errors keep their counts.
            MetricsExpireAfter = TimeSpan.FromDays(1),
        });
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _adapter.Dispose();

    private static bool IsExported(Meter meter, IMeterFactory hostMeters) =>
        meter.Name == "System.Runtime"
        || (meter.Name.StartsWith("Cyclades.", StringComparison.Ordinal) && (meter.Scope is null || ReferenceEquals(meter.Scope, hostMeters)));

    private static double[] Buckets(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } advised } => [.. advised],
        Histogram<long> { Advice.HistogramBucketBoundaries: { } advised } => [.. advised.Select(b => (double)b)],
        { Unit: "s" } => SecondsBuckets,
        _ => MeterAdapterOptions.DefaultHistogramBuckets,
    };
}
