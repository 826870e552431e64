using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class CreateImageRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("InstanceId", Required = true, MaxLength = 64)]
    public string InstanceId { get; init; } = "";

    [Ec2Parameter("Name", Required = true, MaxLength = 1024)]
    public string Name { get; init; } = "";

    [Ec2Parameter("Description", MaxLength = 1024)]
    public string? Description { get; init; }

    /// <summary>True: do not stop a running instance for the copy (only where its disks can be snapshotted).</summary>
    [Ec2Parameter("NoReboot")]
    public bool NoReboot { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
