using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>The meaning of one cluster operation's final status (reference §6.5/§6.6).</summary>
internal interface IOperationHandler
{
    ServerOperation Operation { get; }

    Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken);

    /// <summary>
    /// The server's own job finished, but a later change already decided the server's state: what the
    /// job made besides the server's state (e.g. an image) still follows its result.
    /// </summary>
    Task SettleStaleAsync(Db db, Server server, BackendEvent e, CancellationToken cancellationToken) => Task.CompletedTask;
}
