using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>Operations we do not model (migrate, failover, …): a success only moves the event clock.</summary>
internal sealed class OtherHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Other;

    public Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(e.Status == JobStatus.Success ? OperationEffect.Success() : OperationEffect.Nothing);
}
