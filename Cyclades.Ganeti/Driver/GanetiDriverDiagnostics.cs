using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cyclades.Ganeti.Driver;

/// <summary>
/// What the driver reports about the jobs it submits: the <c>jobs.submitted</c> counter of the
/// "Cyclades.Ganeti" meter (by cluster and opcode) and one log line per job with its id, written
/// inside the caller's logging scope (an EC2 request's id, user and action).
/// </summary>
public sealed partial class GanetiDriverDiagnostics
{
    public const string MeterName = "Cyclades.Ganeti";

    public static readonly GanetiDriverDiagnostics None = new(NullLogger<GanetiDriverDiagnostics>.Instance);

    private readonly Counter<long> _submitted;
    private readonly ILogger _logger;

    public GanetiDriverDiagnostics(ILogger<GanetiDriverDiagnostics> logger, IMeterFactory? meters = null)
    {
        _logger = logger;
        _submitted = (meters?.Create(MeterName) ?? new Meter(MeterName)).CreateCounter<long>(
            "jobs.submitted", unit: "{job}", description: "Jobs submitted to Ganeti, by cluster and opcode.");
    }

    public void Submitted(string cluster, string opCode, string instanceName, long jobId)
    {
        _submitted.Add(1, new KeyValuePair<string, object?>("cluster", cluster), new KeyValuePair<string, object?>("opcode", opCode));
        LogSubmitted(_logger, jobId, opCode, instanceName, cluster);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submitted Ganeti job {GanetiJobId}: {OpCode} {Instance} on {Cluster}")]
    private static partial void LogSubmitted(ILogger logger, long ganetiJobId, string opCode, string instance, string cluster);
}
