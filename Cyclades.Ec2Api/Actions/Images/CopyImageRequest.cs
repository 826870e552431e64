using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class CopyImageRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("SourceImageId", Required = true, MaxLength = 64)]
    public string SourceImageId { get; init; } = "";

    [Ec2Parameter("SourceRegion", Required = true, MaxLength = 64)]
    public string SourceRegion { get; init; } = "";

    [Ec2Parameter("Name", Required = true, MaxLength = 1024)]
    public string Name { get; init; } = "";

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }

    [Ec2Parameter("ClientToken", MaxLength = 64)]
    public string? ClientToken { get; init; }

    [Ec2Parameter("Encrypted")]
    public bool Encrypted { get; init; }

    [Ec2Parameter("CopyImageTags")]
    public bool CopyImageTags { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
