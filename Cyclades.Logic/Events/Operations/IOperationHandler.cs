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
}
