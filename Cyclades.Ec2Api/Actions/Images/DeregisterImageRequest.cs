using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class DeregisterImageRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ImageId", Required = true, MaxLength = 64)]
    public string ImageId { get; init; } = "";

    /// <summary>There are no snapshots behind our images: accepted, nothing to delete.</summary>
    [Ec2Parameter("DeleteAssociatedSnapshots")]
    public bool DeleteAssociatedSnapshots { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
