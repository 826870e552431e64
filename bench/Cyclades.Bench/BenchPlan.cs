namespace Cyclades.Bench;

/// <summary>The sizes and durations of a run: the full benchmark, or <c>--quick</c> (the same steps, smaller).</summary>
public sealed record BenchPlan(
    bool Quick,
    int FleetSize,
    IReadOnlyList<int> Concurrencies,
    TimeSpan ServiceWarmup,
    TimeSpan Warmup,
    TimeSpan LoadDuration,
    TimeSpan CeilingDuration,
    int MotoInstances,
    TimeSpan MotoDuration,
    TimeSpan MotoMaxDuration,
    int WriteConcurrency,
    TimeSpan WriteDuration,
    IReadOnlyList<int> ScaleSizes,
    TimeSpan ScaleDuration,
    TimeSpan SettleTimeout,
    int PropagationInstances,
    int PropagationJobs,
    int CompareRounds,
    TimeSpan CompareSlot)
{
    /// <summary>The concurrency the read-path goals are judged at.</summary>
    public const int GoalConcurrency = 64;

    public static BenchPlan Full { get; } = new(
        Quick: false,
        FleetSize: 100_000,
        Concurrencies: [1, 16, GoalConcurrency],
        ServiceWarmup: TimeSpan.FromSeconds(15),
        Warmup: TimeSpan.FromSeconds(5),
        LoadDuration: TimeSpan.FromSeconds(10),
        CeilingDuration: TimeSpan.FromSeconds(10),
        MotoInstances: 10_000,
        MotoDuration: TimeSpan.FromSeconds(10),
        MotoMaxDuration: TimeSpan.FromSeconds(60),
        WriteConcurrency: 16,
        WriteDuration: TimeSpan.FromSeconds(15),
        ScaleSizes: [1_000, 100_000, 1_000_000],
        ScaleDuration: TimeSpan.FromSeconds(5),
        SettleTimeout: TimeSpan.FromSeconds(60),
        PropagationInstances: 4,
        PropagationJobs: 60,
        CompareRounds: 6,
        CompareSlot: TimeSpan.FromSeconds(5));

    public static BenchPlan QuickRun { get; } = new(
        Quick: true,
        FleetSize: 10_000,
        Concurrencies: [1, 16, GoalConcurrency],
        ServiceWarmup: TimeSpan.FromSeconds(4),
        Warmup: TimeSpan.FromSeconds(1),
        LoadDuration: TimeSpan.FromSeconds(2),
        // The ceiling answers ~15,000 requests a second: one second is plenty.
        CeilingDuration: TimeSpan.FromSeconds(1),
        MotoInstances: 300,
        MotoDuration: TimeSpan.FromSeconds(1),
        MotoMaxDuration: TimeSpan.FromSeconds(4),
        WriteConcurrency: 16,
        WriteDuration: TimeSpan.FromSeconds(2),
        ScaleSizes: [1_000, 10_000, 20_000],
        ScaleDuration: TimeSpan.FromSeconds(1),
        SettleTimeout: TimeSpan.FromSeconds(15),
        PropagationInstances: 2,
        PropagationJobs: 10,
        CompareRounds: 2,
        CompareSlot: TimeSpan.FromSeconds(1));

    /// <summary>The reader owns one tenth of the fleet.</summary>
    public int ReaderInstances => FleetSize / Fleet.FleetUsers.Count;
}
