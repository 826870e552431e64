using Cyclades.Ec2Api.Actions.InstanceStatus;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Volumes;

namespace Cyclades.Ec2Api.Actions.Volumes;

/// <summary>
/// The model's <c>VolumeStatusItem</c>: <c>ok</c> (I/O enabled) for a volume that exists, <c>insufficient-data</c>
/// while its disk is being made, <c>impaired</c> for one in error. No volume has scheduled events or actions.
/// </summary>
public sealed class VolumeStatusItem
{
    [Ec2Element("volumeId")]
    public required string VolumeId { get; init; }

    [Ec2Element("availabilityZone")]
    public required string AvailabilityZone { get; init; }

    [Ec2Element("volumeStatus")]
    public required StatusSummaryItem VolumeStatus { get; init; }

    /// <summary>For paging.</summary>
    internal long Number { get; private init; }

    public static VolumeStatusItem From(VolumeView view)
    {
        var (status, io) = view.Volume.Status switch
        {
            Logic.Volumes.VolumeStatus.Creating => ("insufficient-data", "insufficient-data"),
            Logic.Volumes.VolumeStatus.Error => ("impaired", "failed"),
            _ => ("ok", "passed"),
        };
        return new VolumeStatusItem
        {
            Number = view.Volume.Id,
            VolumeId = VolumeIds.Of(view.Volume.Id),
            AvailabilityZone = view.Zone,
            VolumeStatus = new StatusSummaryItem
            {
                Status = status,
                Details = [new StatusDetailItem { Name = "io-enabled", Status = io }, new StatusDetailItem { Name = "io-performance", Status = "not-applicable" }],
            },
        };
    }
}
