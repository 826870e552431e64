using Cyclades.Ec2Api.Actions.InstanceAttributes;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>One attribute per call: the description, source/destination check, the groups, or the attachment's delete-on-termination.</summary>
public sealed class ModifyNetworkInterfaceAttributeRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("NetworkInterfaceId", Required = true)]
    public string NetworkInterfaceId { get; init; } = "";

    [Ec2Parameter("Description")]
    public AttributeValueParameter? Description { get; init; }

    [Ec2Parameter("SourceDestCheck")]
    public BooleanValueParameter? SourceDestCheck { get; init; }

    [Ec2Parameter("SecurityGroupId")]
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    [Ec2Parameter("Attachment")]
    public AttachmentChangeParameter? Attachment { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }

    /// <summary>How many attributes the request sets.</summary>
    public int Count =>
        new object?[] { Description?.Value, SourceDestCheck?.Value, SecurityGroupIds.Count > 0 ? SecurityGroupIds : null, Attachment }
            .Count(v => v is not null);
}

/// <summary>The model's <c>NetworkInterfaceAttachmentChanges</c>.</summary>
public sealed class AttachmentChangeParameter
{
    [Ec2Parameter("AttachmentId")]
    public string? AttachmentId { get; init; }

    [Ec2Parameter("DeleteOnTermination")]
    public bool? DeleteOnTermination { get; init; }
}
