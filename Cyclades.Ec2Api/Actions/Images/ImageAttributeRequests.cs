using Cyclades.Ec2Api.Actions.InstanceAttributes;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class DescribeImageAttributeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ImageId", Required = true, MaxLength = 64)]
    public string ImageId { get; init; } = "";

    [Ec2Parameter("Attribute", Required = true, MaxLength = 64)]
    public string Attribute { get; init; } = "";

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

/// <summary>
/// One attribute per call: <c>LaunchPermission.Add/Remove.N.{UserId,Group}</c>, or the older flat form
/// (<c>Attribute=launchPermission&amp;OperationType=add&amp;UserId.N&amp;UserGroup.N</c>), or the description
/// (<c>Description.Value</c>, or <c>Attribute=description&amp;Value=…</c>).
/// </summary>
public sealed class ModifyImageAttributeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ImageId", Required = true, MaxLength = 64)]
    public string ImageId { get; init; } = "";

    [Ec2Parameter("Attribute", MaxLength = 64)]
    public string? Attribute { get; init; }

    [Ec2Parameter("OperationType")]
    public string? OperationType { get; init; }

    [Ec2Parameter("UserId", MaxItems = 100)]
    public IReadOnlyList<string> UserIds { get; init; } = [];

    [Ec2Parameter("UserGroup", MaxItems = 10)]
    public IReadOnlyList<string> UserGroups { get; init; } = [];

    [Ec2Parameter("Value", MaxLength = 1024)]
    public string? Value { get; init; }

    [Ec2Parameter("Description")]
    public AttributeValueParameter? Description { get; init; }

    [Ec2Parameter("LaunchPermission")]
    public LaunchPermissionModificationsParameter? LaunchPermission { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}

public sealed class LaunchPermissionModificationsParameter
{
    [Ec2Parameter("Add", MaxItems = 100)]
    public IReadOnlyList<LaunchPermissionParameter> Add { get; init; } = [];

    [Ec2Parameter("Remove", MaxItems = 100)]
    public IReadOnlyList<LaunchPermissionParameter> Remove { get; init; } = [];
}

public sealed class LaunchPermissionParameter
{
    [Ec2Parameter("UserId", MaxLength = 64)]
    public string? UserId { get; init; }

    [Ec2Parameter("Group", MaxLength = 64)]
    public string? Group { get; init; }
}

public sealed class ResetImageAttributeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ImageId", Required = true, MaxLength = 64)]
    public string ImageId { get; init; } = "";

    [Ec2Parameter("Attribute", Required = true, MaxLength = 64)]
    public string Attribute { get; init; } = "";

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
