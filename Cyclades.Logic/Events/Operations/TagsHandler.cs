using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>
/// Tags added or removed (<c>OP_TAGS_SET</c>/<c>OP_TAGS_DEL</c>): nothing of the server's state
/// changes, nor its event clock (a tag job is no change later events could be stale against). The
/// firewall push that follows it is <see cref="EventDelivery"/>'s.
/// </summary>
internal sealed class TagsHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Tags;

    public Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken) =>
        Task.FromResult(OperationEffect.Nothing);
}
