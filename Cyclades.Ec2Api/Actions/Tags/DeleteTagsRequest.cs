using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Tags;

/// <summary>Without <c>Tag.N</c> every tag of the resources goes; a tag with a value goes only if it has that value.</summary>
public sealed class DeleteTagsRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ResourceId", Required = true)]
    public IReadOnlyList<string> ResourceIds { get; init; } = [];

    [Ec2Parameter("Tag")]
    public IReadOnlyList<TagParameter> Tags { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
