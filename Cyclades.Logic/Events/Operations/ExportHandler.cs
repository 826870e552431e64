using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>
/// An export finished: the image made from it becomes available, or failed with the cluster's reason.
/// The server's state is unchanged either way (the cluster restarts a server it stopped for the copy).
/// The image follows the job's result even when the result arrives after a later change of the server.
/// </summary>
internal sealed class ExportHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Export;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        await SettleStaleAsync(db, server, e, cancellationToken);
        return e.Status == JobStatus.Success ? OperationEffect.Success() : OperationEffect.Nothing;
    }

    public Task SettleStaleAsync(Db db, Server server, BackendEvent e, CancellationToken cancellationToken) =>
        ImageRepository.FinishExportAsync(db, server.Id, e.Status == JobStatus.Success, e.Message, UnixTime.ToMicros(e.EventTime), cancellationToken);
}
