namespace Cyclades.Ec2Api.Hosting;

/// <summary>Bound from <c>Cyclades:Ec2</c>.</summary>
public sealed class Ec2ApiOptions
{
    public const string Section = "Cyclades:Ec2";

    /// <summary>The one region this endpoint serves (DescribeRegions, zone names).</summary>
    public string Region { get; set; } = "cyclades-1";

    /// <summary>Larger request bodies are refused with <c>RequestEntityTooLarge</c> (413).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
