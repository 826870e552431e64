using Cyclades.Ec2Api.Hosting;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>
/// EC2 volume types ↔ the cloud's volume types (cluster disk templates), from
/// <see cref="Ec2ApiOptions.VolumeTypes"/>. An EC2 type the operator did not map means "the
/// instance type's default volume type"; a volume type shows as the first EC2 type mapped to it,
/// else <c>standard</c>.
/// </summary>
public sealed class VolumeTypeMapping(IOptions<Ec2ApiOptions> options)
{
    /// <summary>The VolumeType values of the EC2 API.</summary>
    public static readonly IReadOnlyList<string> Ec2Types = ["standard", "gp2", "gp3", "io1", "io2", "st1", "sc1"];

    public const string Default = "standard";

    public static bool IsEc2Type(string type) => Ec2Types.Contains(type, StringComparer.Ordinal);

    /// <summary>The volume type an EC2 type stands for; null = the instance type's default.</summary>
    public string? ToCore(string? ec2Type) =>
        ec2Type is not null && options.Value.VolumeTypes.TryGetValue(ec2Type, out var core) && core.Length > 0 ? core : null;

    public string ToEc2(string volumeType) =>
        Ec2Types.FirstOrDefault(t => options.Value.VolumeTypes.TryGetValue(t, out var core) && core == volumeType) ?? Default;
}
