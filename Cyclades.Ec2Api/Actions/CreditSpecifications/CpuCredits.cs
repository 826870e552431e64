using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

/// <summary>
/// CPU credits: no instance type here is burstable (DescribeInstanceTypes says
/// <c>burstablePerformanceSupported=false</c>), so every instance has the <c>standard</c> option and
/// <c>unlimited</c> is not supported.
/// </summary>
public static class CpuCredits
{
    public const string Standard = "standard";
    public const string Unlimited = "unlimited";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { Standard, Unlimited };

    public static readonly Ec2FilterSet<InstanceCreditSpecificationItem> Filters = new Ec2FilterSet<InstanceCreditSpecificationItem>()
        .Add("instance-id", s => s.InstanceId);
}
