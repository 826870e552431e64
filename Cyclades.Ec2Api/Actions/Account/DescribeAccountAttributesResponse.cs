using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.Account;

public sealed class DescribeAccountAttributesResponse : Ec2Response
{
    [Ec2Element("accountAttributeSet")]
    public required IReadOnlyList<AccountAttributeItem> Attributes { get; init; }
}

public sealed class AccountAttributeItem
{
    [Ec2Element("attributeName")]
    public required string Name { get; init; }

    [Ec2Element("attributeValueSet")]
    public required IReadOnlyList<AccountAttributeValueItem> Values { get; init; }
}

public sealed class AccountAttributeValueItem
{
    [Ec2Element("attributeValue")]
    public required string Value { get; init; }
}
