namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>
/// Pages of a short list read whole and filtered in memory (a user's VPCs, subnets …), in id order:
/// the <c>NextToken</c> holds the last id of the page, bound to the caller and the request's filters.
/// </summary>
public sealed class ItemPages(PageTokens tokens)
{
    public const int MaxPageSize = 1000;

    /// <param name="binding">What the token is bound to: the caller and the request's ids and filters (not its page size).</param>
    public (IReadOnlyList<T> Page, string? NextToken) Page<T>(
        IEnumerable<T> items, Func<T, long> idOf, object binding, string? nextToken, int? maxResults, int maxPageSize = MaxPageSize)
    {
        var after = nextToken is null ? long.MinValue : tokens.ReadLong(binding, nextToken);
        var size = PagingRules.PageSize(maxResults, maxPageSize);
        var rest = items.Where(i => idOf(i) > after).OrderBy(idOf).ToList();
        var page = rest.Take(size).ToList();
        return (page, rest.Count > size ? tokens.Issue(binding, idOf(page[^1])) : null);
    }
}
