namespace Cyclades.Ec2Api.Mvc.Binding;

/// <summary>
/// The wire name of a request member, as the EC2 serializers send it: the model's <c>queryName</c>, or
/// its <c>locationName</c> capitalised (<c>InstanceId</c> for the list <c>InstanceIds</c>, which
/// arrives as <c>InstanceId.1</c>, <c>InstanceId.2</c>, …). The member's declared type decides how the
/// value is read: a scalar, a list (<c>IReadOnlyList&lt;T&gt;</c>, 1-based <c>Name.N</c>) or a structure
/// (another class of such members, <c>Name.Member</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class Ec2ParameterAttribute(string name) : Attribute
{
    public const int DefaultMaxLength = 255;
    public const int DefaultMaxItems = 1000;

    public string Name { get; } = name;

    /// <summary>Absent → <c>MissingParameter</c>. For a list: at least one item.</summary>
    public bool Required { get; init; }

    /// <summary>Longest accepted string (for a list of strings: of each item). Longer → <c>InvalidParameterValue</c>.</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>Most items a list accepts. More → <c>InvalidParameterValue</c>.</summary>
    public int MaxItems { get; init; } = DefaultMaxItems;
}
