namespace Cyclades.Logic.Volumes;

/// <summary>
/// The service's volume keeper of one (cluster, node, disk template): a never-started instance to which a detached
/// disk is attached so that it can be removed (Ganeti 3.0 destroys a disk only as an instance's). Its instance name
/// comes from its id (<see cref="Servers.InstanceNames.ForKeeper"/>); whether it exists is the cluster's to say.
/// </summary>
internal sealed record VolumeKeeper(long Id, long BackendId, string Node, string DiskTemplate);

/// <summary>A volume being deleted through a keeper, with its jobs (recorded once submitted).</summary>
/// <param name="AttachJobId">Null when the disk was on the keeper already (an earlier remove failed).</param>
internal sealed record VolumeDeletion(long VolumeId, long KeeperId, long? AttachJobId, long? RemoveJobId);
