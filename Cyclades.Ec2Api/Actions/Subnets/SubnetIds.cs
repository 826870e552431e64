using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Subnets;

/// <summary>Subnet ids: <c>subnet-</c> + 17 hex digits of the subnet's id.</summary>
public static class SubnetIds
{
    public const string Prefix = "subnet-";

    public static string Of(long subnetId) => Ec2Id.Format(Prefix, subnetId);

    public static bool TryParse(string id, out long subnetId) => Ec2Id.TryParse(Prefix, id, out subnetId);

    /// <summary>How a subnet is named among tagged resources.</summary>
    public static TaggedResource Resource(long subnetId) =>
        new(TaggedResourceType.Subnet, subnetId.ToString(CultureInfo.InvariantCulture));
}
