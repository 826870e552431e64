using Cyclades.Bench.Load;

namespace Cyclades.Bench.Measurements;

/// <summary>(1) DescribeInstances on one database: the service and its ceiling at each concurrency.</summary>
public sealed record ReadPathResult(
    string Database,
    int TotalInstances,
    int ReaderInstances,
    int PageInstances,
    int ResponseBytes,
    IReadOnlyList<LoadResult> Service,
    IReadOnlyList<LoadResult> Ceiling,
    long PeakResidentBytes);

/// <summary>(1) The same call answered by moto_server holding <paramref name="Instances"/> instances.</summary>
public sealed record PeerResult(string Peer, int Instances, int PageInstances, TimeSpan LoadTime, IReadOnlyList<LoadResult> Results);

/// <summary>(2) RunInstances → running → TerminateInstances cycles, and the bare insert+update transaction on the same database.</summary>
public sealed record WritePathResult(
    string Database,
    int Concurrency,
    long Launches,
    double LaunchesPerSecond,
    double CycleP50Ms,
    double CycleP99Ms,
    double RunInstancesP50Ms,
    double RunInstancesP99Ms,
    double TerminateP50Ms,
    double TerminateP99Ms,
    long BareTransactions,
    double BareTransactionsPerSecond);

/// <summary>(3) First-page latency of the reader at one database size.</summary>
public sealed record ScalePoint(int TotalInstances, int ReaderInstances, double P50Ms, double P99Ms, double RequestsPerSecond);

/// <summary>(4) Lag from a Ganeti job's end to DescribeInstances showing its result.</summary>
public sealed record PropagationResult(int Jobs, double P50Ms, double P99Ms, double MaxMs);

/// <summary>A part of the benchmark that did not run here, and why.</summary>
public sealed record NotMeasured(string Part, string Reason);
