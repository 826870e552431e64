using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cyclades.Tests.Dispatch.Support;

/// <summary>Records the measurements of one meter instance (one service provider's) while alive.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MetricRecorder(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public IReadOnlyList<double> Values(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();

    /// <summary>The sum of a counter's measurements whose tags include all of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object Value)[] tags) =>
        _measurements
            .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(mt => mt.Key == t.Key && Equals(mt.Value, t.Value))))
            .Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
