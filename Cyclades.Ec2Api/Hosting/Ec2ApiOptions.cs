namespace Cyclades.Ec2Api.Hosting;

/// <summary>Bound from <c>Cyclades:Ec2</c>.</summary>
public sealed class Ec2ApiOptions
{
    public const string Section = "Cyclades:Ec2";

    /// <summary>The one region this endpoint serves (DescribeRegions, zone names).</summary>
    public string Region { get; set; } = "cyclades-1";

    /// <summary>Larger request bodies are refused with <c>RequestEntityTooLarge</c> (413).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long terminated instances stay visible, as on AWS (about an hour), so that waiters see them.</summary>
    public TimeSpan TerminatedVisibleFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// EC2 VolumeType → the cloud's volume type (a disk template its clusters enable), e.g.
    /// <c>gp3 = plain</c>, <c>standard = file</c>. Unmapped EC2 types get the instance type's default
    /// volume type (docs/storage.md).
    /// </summary>
    public Dictionary<string, string> VolumeTypes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How many Describe actions run at once (the others wait their turn); unset: four per processor.</summary>
    public int? MaxConcurrentReads { get; set; }

    /// <summary>How many Describe actions may wait for their turn; one more is refused with <c>RequestLimitExceeded</c> (503), which SDKs retry.</summary>
    public int MaxQueuedReads { get; set; } = 1000;
}
