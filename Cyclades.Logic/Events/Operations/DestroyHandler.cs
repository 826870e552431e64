using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>A removal that succeeded, or failed because the instance is already gone, destroys the server.</summary>
internal sealed class DestroyHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Destroy;

    public Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(e.Status == JobStatus.Success || (e.Status == JobStatus.Error && e.InstanceMissing)
            ? OperationEffect.Success() with { Destroys = true }
            : OperationEffect.Nothing);
}
