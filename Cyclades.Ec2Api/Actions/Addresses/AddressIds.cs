using Cyclades.Ec2Api.Actions.Common;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>Elastic IP allocation ids: <c>eipalloc-</c> + 17 hex digits of the floating IP's id.</summary>
public static class AddressIds
{
    public const string Prefix = "eipalloc-";

    public static string Of(long floatingIpId) => Ec2Id.Format(Prefix, floatingIpId);

    public static bool TryParse(string id, out long floatingIpId) => Ec2Id.TryParse(Prefix, id, out floatingIpId);
}
