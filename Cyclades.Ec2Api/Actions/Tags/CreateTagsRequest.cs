using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Tags;

public sealed class CreateTagsRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ResourceId", Required = true)]
    public IReadOnlyList<string> ResourceIds { get; init; } = [];

    [Ec2Parameter("Tag", Required = true)]
    public IReadOnlyList<TagParameter> Tags { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
