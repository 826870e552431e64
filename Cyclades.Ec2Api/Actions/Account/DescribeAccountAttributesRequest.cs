using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Account;

public sealed class DescribeAccountAttributesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("AttributeName")]
    public IReadOnlyList<string> AttributeNames { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
