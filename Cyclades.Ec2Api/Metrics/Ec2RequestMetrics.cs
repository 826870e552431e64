using System.Diagnostics.Metrics;
using Cyclades.Ec2Api.Protocol;

namespace Cyclades.Ec2Api.Metrics;

/// <summary>
/// The "Cyclades.Ec2" meter: every EC2 request counted by action, HTTP status and EC2 error code,
/// and its duration by action. Action names that are not EC2 operations are counted as
/// <c>unknown</c>, so clients cannot grow the number of series.
/// </summary>
public sealed class Ec2RequestMetrics
{
    public const string MeterName = "Cyclades.Ec2";

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public Ec2RequestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "requests", unit: "{request}", description: "EC2 requests answered, by action, HTTP status and EC2 error code (empty on success).");
        _duration = meter.CreateHistogram(
            "request.duration.seconds", unit: "s", description: "Time to answer an EC2 request, by action.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    public void Record(string? action, int status, string? errorCode, TimeSpan elapsed)
    {
        var label = ActionLabel(action);
        _requests.Add(1,
            new KeyValuePair<string, object?>("action", label),
            new KeyValuePair<string, object?>("status", status),
            new KeyValuePair<string, object?>("error_code", errorCode ?? ""));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("action", label));
    }

    private static string ActionLabel(string? action) =>
        string.IsNullOrEmpty(action) ? "" : Ec2OperationNames.IsEc2Operation(action) ? action : "unknown";
}
