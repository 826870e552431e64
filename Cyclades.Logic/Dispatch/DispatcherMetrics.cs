using System.Diagnostics.Metrics;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Events;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// The logic core's instruments, on the meter <see cref="MeterName"/> (exported by the host, e.g.
/// at <c>/metrics</c>): the dispatcher's lag from a job's end to its result in the database, the
/// events it delivered, the jobs submitted, and what reconciliation found. Instrument names are
/// relative to the meter and carry their unit, as Prometheus names them: the exporter prefixes the
/// meter's name (<c>dispatcher.lag.seconds</c> → <c>cyclades_logic_dispatcher_lag_seconds</c>).
/// </summary>
public sealed class DispatcherMetrics
{
    public const string MeterName = LogicMeter.Name;
    public const string LagInstrument = "dispatcher.lag.seconds";
    public const string EventsInstrument = "dispatcher.events";
    public const string UnappliedEventsInstrument = "dispatcher.events.unapplied";
    public const string JobsSubmittedInstrument = "jobs.submitted";
    public const string FindingsInstrument = "reconciliation.findings";

    private readonly Histogram<double> _lag;
    private readonly Counter<long> _events;
    private readonly Counter<long> _unapplied;
    private readonly Counter<long> _jobsSubmitted;
    private readonly Counter<long> _findings;

    public DispatcherMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _lag = meter.CreateHistogram(LagInstrument, "s",
            "Time from a cluster job's end to its result committed to the database",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            });
        _events = meter.CreateCounter<long>(EventsInstrument, "{event}", "Cluster job events delivered to the event processor");
        _unapplied = meter.CreateCounter<long>(UnappliedEventsInstrument, "{event}",
            "Final cluster results the event processor could not apply (reconciliation keeps reporting the difference)");
        _jobsSubmitted = meter.CreateCounter<long>(JobsSubmittedInstrument, "{job}", "Cluster jobs submitted by this process");
        _findings = meter.CreateCounter<long>(FindingsInstrument, "{finding}", "Differences reconciliation found between the database and a cluster");
    }

    public void JobSubmitted(ServerOperation operation) =>
        _jobsSubmitted.Add(1, new KeyValuePair<string, object?>("operation", operation.ToDb()));

    public void EventDelivered(BackendEvent e, EventOutcome outcome) =>
        _events.Add(1,
            new KeyValuePair<string, object?>("operation", e.Operation.ToDb()),
            new KeyValuePair<string, object?>("status", e.Status.ToDb()),
            new KeyValuePair<string, object?>("outcome", outcome.ToDb()));

    public void EventUnapplied(BackendEvent e, string reason) =>
        _unapplied.Add(1,
            new KeyValuePair<string, object?>("operation", e.Operation.ToDb()),
            new KeyValuePair<string, object?>("reason", reason));

    public void Lag(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));

    public void Finding(string kind, bool fixedIt) => Findings(kind, 1, fixedIt);

    public void Findings(string kind, int count, bool fixedThem)
    {
        if (count > 0)
        {
            _findings.Add(count,
                new KeyValuePair<string, object?>("kind", kind),
                new KeyValuePair<string, object?>("fixed", fixedThem));
        }
    }
}
