namespace Cyclades.Logic.Quotas;

/// <param name="Usage">Accepted usage.</param>
/// <param name="Pending">Increases issued but not yet accepted or rejected.</param>
public sealed record ResourceQuota(QuotaResource Resource, long Limit, long Usage, long Pending)
{
    public long Available => Math.Max(0, Limit - Usage - Pending);
}

public sealed record UserQuota(string UserId, IReadOnlyList<ResourceQuota> Resources)
{
    public ResourceQuota this[QuotaResource resource] => Resources.Single(r => r.Resource == resource);
}
