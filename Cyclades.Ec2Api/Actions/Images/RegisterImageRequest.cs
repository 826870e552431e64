using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>
/// An image of an OS the cloud's images use: <c>ImageLocation</c> names it as
/// <c>&lt;os&gt;+&lt;variant&gt;</c>, optionally followed by <c>:name=value,name=value</c> OS parameters
/// (docs/storage.md, "Images"). Snapshot-backed mappings have no meaning here (no snapshots).
/// </summary>
public sealed class RegisterImageRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("Name", Required = true, MaxLength = 1024)]
    public string Name { get; init; } = "";

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }

    [Ec2Parameter("ImageLocation", MaxLength = 2048)]
    public string? ImageLocation { get; init; }

    [Ec2Parameter("Architecture")]
    public string? Architecture { get; init; }

    [Ec2Parameter("VirtualizationType")]
    public string? VirtualizationType { get; init; }

    [Ec2Parameter("RootDeviceName")]
    public string? RootDeviceName { get; init; }

    [Ec2Parameter("EnaSupport")]
    public bool? EnaSupport { get; init; }

    [Ec2Parameter("BootMode")]
    public string? BootMode { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
