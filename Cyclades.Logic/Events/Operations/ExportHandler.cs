using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>
/// An export finished: the image made from it becomes available, or failed with the cluster's reason.
/// The server's state is unchanged either way (the cluster restarts a server it stopped for the copy).
/// </summary>
internal sealed class ExportHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Export;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        var succeeded = e.Status == JobStatus.Success;
        await ImageRepository.FinishExportAsync(db, server.Id, succeeded, e.Message, UnixTime.ToMicros(e.EventTime), cancellationToken);
        return succeeded ? OperationEffect.Success() : OperationEffect.Nothing;
    }
}
