using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

/// <summary>The model's <c>AttributeValue</c> in a request (<c>InstanceType.Value=t2.small</c>).</summary>
public sealed class AttributeValueParameter
{
    [Ec2Parameter("Value")]
    public string? Value { get; init; }
}

/// <summary>The model's <c>AttributeBooleanValue</c> in a request (<c>EbsOptimized.Value=true</c>).</summary>
public sealed class BooleanValueParameter
{
    [Ec2Parameter("Value")]
    public bool? Value { get; init; }
}

/// <summary>The model's <c>BlobAttributeValue</c> in a request (<c>UserData.Value=base64</c>).</summary>
public sealed class BlobValueParameter
{
    [Ec2Parameter("Value", MaxLength = 65536)]
    public byte[]? Value { get; init; }
}

/// <summary>The model's <c>AttributeValue</c> in a response; no value renders as an empty element.</summary>
public sealed class AttributeValueItem
{
    [Ec2Element("value")]
    public string? Value { get; init; }
}

public sealed class BooleanValueItem
{
    [Ec2Element("value")]
    public bool Value { get; init; }
}
