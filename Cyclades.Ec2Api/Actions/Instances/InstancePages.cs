using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// A page of the caller's instances for the Describe actions: one keyset query after the server id the
/// token names (so pages stay right while instances come and go), and the token for the next page.
/// </summary>
public sealed class InstancePages(ServerQueries queries, InstanceLookup lookup, PageTokens tokens)
{
    public const int MaxPageSize = ServerQueries.MaxPageSize;

    /// <param name="binding">What the token is bound to: the request's filters and options (not its page size).</param>
    /// <param name="instanceIds">Named instances (all must exist) or empty for all.</param>
    /// <param name="criteria">The request's filters; visibility of terminated instances is added here.</param>
    public async Task<(IReadOnlyList<ServerView> Servers, string? NextToken)> ReadAsync(
        Ec2Caller caller, IReadOnlyList<string> instanceIds, ServerFilter criteria, object binding,
        string? nextToken, int? maxResults, CancellationToken cancellationToken)
    {
        var filter = criteria with { IncludeDeletedSince = lookup.Visible().IncludeDeletedSince };
        if (instanceIds.Count > 0)
        {
            var named = (await lookup.RequireAsync(caller, instanceIds, cancellationToken)).Select(v => v.Server.Id);
            filter = filter with { Ids = filter.Ids is { } ids ? named.Intersect(ids).ToList() : named.ToList() };
        }
        var request = new { caller.UserId, binding };
        var afterId = nextToken is null ? (long?)null : tokens.ReadLong(request, nextToken);
        var page = await queries.ListAsync(caller.LogicUserId(), filter, afterId, PagingRules.PageSize(maxResults, MaxPageSize), cancellationToken);
        return (page.Servers, page.NextAfterId is { } next ? tokens.Issue(request, next) : null);
    }
}
