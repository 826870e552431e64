using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>Start, stop and reboot: success sets the state they lead to; failure changes nothing.</summary>
internal sealed class PowerHandler(ServerOperation operation, OperState resultingState) : IOperationHandler
{
    public static readonly PowerHandler Start = new(ServerOperation.Start, OperState.Started);
    public static readonly PowerHandler Stop = new(ServerOperation.Stop, OperState.Stopped);

    // The cluster's reboot starts a stopped instance.
    public static readonly PowerHandler Reboot = new(ServerOperation.Reboot, OperState.Started);

    public ServerOperation Operation => operation;

    public Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(e.Status == JobStatus.Success ? OperationEffect.Success(resultingState) : OperationEffect.Nothing);
}
