using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>Volume ids: <c>vol-</c> + 17 hex digits of the volume's id.</summary>
public static class VolumeIds
{
    public const string Prefix = "vol-";

    public static string Of(long volumeId) => Ec2Id.Format(Prefix, volumeId);

    public static bool TryParse(string id, out long volumeId) => Ec2Id.TryParse(Prefix, id, out volumeId);

    /// <exception cref="Ec2Exception"><c>InvalidVolumeID.Malformed</c>.</exception>
    public static long Parse(string id) => TryParse(id, out var volumeId) ? volumeId : throw Ec2Errors.InvalidVolumeIdMalformed(id);
}
