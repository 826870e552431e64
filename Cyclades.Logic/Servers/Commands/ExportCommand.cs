using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>
/// Exports a server to its cluster's export store and records the image made from it, pending until
/// the export job's result reaches the dispatcher. The export's place (the server's node, the
/// cluster's export directory) is read before the transaction, so the image records it from the start.
/// </summary>
/// <param name="keepRunning">Copy a running server's disks live (EC2's NoReboot); only for disk templates the cluster snapshots.</param>
internal sealed class ExportCommand(string userId, string name, string description, bool keepRunning) : ServerCommand
{
    /// <summary>The disk templates Ganeti snapshots for a live export (LVM-backed); it refuses a live export of any other.</summary>
    public static readonly IReadOnlySet<string> LiveExportTemplates = new HashSet<string>(StringComparer.Ordinal) { "plain", "drbd" };

    private ClusterExportLocation? _location;

    public override ServerAction Action => ServerAction.Export;

    public override bool Guarded => false;

    /// <summary>The image recorded, once the transaction ran.</summary>
    public long? ImageId { get; private set; }

    public override async Task PrepareAsync(IReadOnlyList<Server> servers, Func<long, Task<IClusterDriver>> driverOf, CancellationToken cancellationToken)
    {
        if (servers is [{ Deleted: false } server])
        {
            _location = await (await driverOf(server.BackendId)).LocateExportAsync(server.InstanceName, cancellationToken);
        }
    }

    public override Task ValidateAsync(Db db, Server server, Flavor flavor, CancellationToken cancellationToken)
    {
        if (keepRunning && server.OperState == OperState.Started && !LiveExportTemplates.Contains(flavor.DiskTemplate))
        {
            throw new LiveExportUnsupportedException(server.Id, flavor.DiskTemplate);
        }
        return Task.CompletedTask;
    }

    public override async Task RecordAsync(Db db, Server server, Flavor flavor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var location = _location ?? throw new InvalidOperationException($"The export of server {server.Id} was not located.");
        var export = new ImageExport(server.BackendId, location.Node, location.Path);
        // The cluster keeps one export per server: a new one would change what that image launches.
        if (await ImageRepository.FindUsingExportAsync(db, export, cancellationToken) is { } earlier)
        {
            throw new ServerExportInUseException(server.Id, earlier);
        }
        // The removal of a deregistered image's export of this server would remove the new one too.
        if (await ImageRepository.IsExportBeingRemovedAsync(db, export, cancellationToken))
        {
            throw new ServerExportBeingRemovedException(server.Id);
        }
        var source = await CatalogRepository.GetImageAsync(db, server.ImageId, cancellationToken);
        var root = (await VolumeRepository.ListByServersAsync(db, [server.Id], cancellationToken)).FirstOrDefault(v => v.DiskIndex == 0);
        ImageId = await ImageRepository.InsertAsync(db, new NewImage(
            userId, name, description, source?.OsType ?? "", source?.OsParameters ?? new Dictionary<string, string>(), source?.KeyParameter)
        {
            State = ImageState.Pending,
            SourceImageId = server.ImageId,
            SourceServerId = server.Id,
            Export = export,
            MinDiskGiB = root?.SizeGiB ?? flavor.DiskGiB,
            DiskTemplate = root?.VolumeType ?? flavor.DiskTemplate,
        }, UnixTime.ToMicros(now), cancellationToken);
    }

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.ExportServerAsync(server.InstanceName, _location!.Node, shutdown: !keepRunning, cancellationToken);
}
