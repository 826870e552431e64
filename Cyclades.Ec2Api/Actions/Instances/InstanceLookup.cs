using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// The caller's instances named in a request, all checked before anything is done: every id must be
/// well formed (else <c>InvalidInstanceID.Malformed</c>) and one of the caller's instances that is
/// still visible (else <c>InvalidInstanceID.NotFound</c>, naming all the missing ones; another user's
/// instance is as missing as one that never was).
/// </summary>
public sealed class InstanceLookup(ServerQueries queries, IOptions<Ec2ApiOptions> options, TimeProvider clock)
{
    /// <returns>One view per distinct id, in the order given.</returns>
    public async Task<IReadOnlyList<ServerView>> RequireAsync(Ec2Caller caller, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        var serverIds = InstanceIds.ParseAll(instanceIds);
        var distinct = serverIds.Distinct().ToList();
        var found = await FindAsync(caller, distinct, cancellationToken);
        var missing = instanceIds.Where((_, i) => !found.ContainsKey(serverIds[i])).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.InvalidInstanceIdNotFound(missing);
        }
        return distinct.Select(id => found[id]).ToList();
    }

    /// <summary>Those of <paramref name="serverIds"/> that are the caller's visible instances, by server id; the others are absent.</summary>
    public async Task<IReadOnlyDictionary<long, ServerView>> FindAsync(Ec2Caller caller, IReadOnlyList<long> serverIds, CancellationToken cancellationToken) =>
        (await queries.ListAsync(caller.LogicUserId(), Visible() with { Ids = serverIds }, null, Math.Max(1, serverIds.Count), cancellationToken))
            .Servers.ToDictionary(v => v.Server.Id);

    /// <summary>The instances a user sees: all but those terminated longer ago than <c>TerminatedVisibleFor</c>.</summary>
    public ServerFilter Visible() => new() { IncludeDeletedSince = clock.GetUtcNow() - options.Value.TerminatedVisibleFor };
}
