using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>A finished create: STARTED, or ERROR (the server keeps its quota until it is destroyed).</summary>
internal sealed class CreateHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Create;

    public Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(e.Status == JobStatus.Success
            ? OperationEffect.Success(OperState.Started)
            : new OperationEffect { NewState = OperState.Error, AdvancesBackendTime = true });
}
