using System.Globalization;
using Cyclades.Logic.Quotas;

namespace Cyclades.Ec2Api.Actions.Account;

/// <summary>
/// The account attributes: AWS's (<c>max-instances</c> is the user's server quota, <c>default-vpc</c>
/// his default network; only VPC, no EC2-Classic) and, as <c>cyclades:&lt;resource&gt;</c>, each quota resource's
/// limit, usage and what is still available (RAM in MiB, disk in GiB).
/// </summary>
public static class AccountAttributes
{
    private const long Mib = 1024 * 1024;
    private const long Gib = 1024 * Mib;

    private static readonly string[] Aws =
        ["supported-platforms", "default-vpc", "max-instances", "max-elastic-ips", "vpc-max-elastic-ips", "vpc-max-security-groups-per-interface"];

    public static IReadOnlySet<string> Names { get; } =
        Aws.Concat(QuotaResources.All.Select(NameOf)).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<AccountAttributeItem> From(UserQuota quota, string defaultVpcId) =>
    [
        Item("supported-platforms", "VPC"),
        Item("default-vpc", defaultVpcId),
        Item("max-instances", N(quota[QuotaResource.Vm].Limit)),
        Item("max-elastic-ips", "0"),
        Item("vpc-max-elastic-ips", "0"),
        Item("vpc-max-security-groups-per-interface", "0"),
        .. quota.Resources.Select(r => new AccountAttributeItem
        {
            Name = NameOf(r.Resource),
            Values = [Value($"limit={Scaled(r.Resource, r.Limit)}"), Value($"in-use={Scaled(r.Resource, r.Usage + r.Pending)}"),
                Value($"available={Scaled(r.Resource, r.Available)}")],
        }),
    ];

    private static string NameOf(QuotaResource resource) => resource.Name().Replace("cyclades.", "cyclades:", StringComparison.Ordinal);

    private static string Scaled(QuotaResource resource, long value) => resource switch
    {
        QuotaResource.Ram or QuotaResource.TotalRam => N(value / Mib) + "MiB",
        QuotaResource.Disk => N(value / Gib) + "GiB",
        _ => N(value),
    };

    private static AccountAttributeItem Item(string name, string value) => new() { Name = name, Values = [Value(value)] };

    private static AccountAttributeValueItem Value(string value) => new() { Value = value };

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
