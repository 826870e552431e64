namespace Cyclades.Soak;

/// <summary>How long and how hard a soak runs, and what it injects.</summary>
public sealed record SoakPlan
{
    public required string Name { get; init; }

    /// <summary>The client fleet stops at this time or after <see cref="MaxOperations"/>, whichever comes first.</summary>
    public required TimeSpan Duration { get; init; }

    public required int MaxOperations { get; init; }

    /// <summary>Client workers, each a user of its own driving the EC2 API with AWSSDK.EC2 (retries on).</summary>
    public required int Workers { get; init; }

    public int ApiNodes { get; init; } = 3;

    /// <summary>Of the API nodes, how many run the dispatcher (the first ones); the others have it disabled.</summary>
    public int DispatcherNodes { get; init; } = 2;

    /// <summary>Mean time between two <c>kill -9</c>s (of an API node or of the active dispatcher).</summary>
    public required TimeSpan KillEvery { get; init; }

    /// <summary>How long a killed node stays down before it is started again.</summary>
    public TimeSpan DownFor { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>At most this many live instances per user; above it a worker terminates.</summary>
    public int InstancesPerUser { get; init; } = 4;

    public double JobErrorRate { get; init; } = 0.05;

    public double ServerErrorRate { get; init; } = 0.03;

    public double TimeoutRate { get; init; } = 0.003;

    public double LostAnswerRate { get; init; } = 0.01;

    public int MaxLatencyMs { get; init; } = 50;

    public int JobLatencyMs { get; init; } = 300;

    /// <summary>How long the end waits for the dispatchers to settle every task (bounded; what is left is a violation).</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public static SoakPlan Short { get; } = new()
    {
        Name = "short", Duration = TimeSpan.FromSeconds(60), MaxOperations = 3_000, Workers = 6, KillEvery = TimeSpan.FromSeconds(10),
    };

    public static SoakPlan Long { get; } = new()
    {
        Name = "long", Duration = TimeSpan.FromMinutes(10), MaxOperations = 100_000, Workers = 8, KillEvery = TimeSpan.FromSeconds(20),
    };
}
