using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Quotas;

/// <param name="Usage">What already counts against the limit: committed usage plus pending increases.</param>
/// <param name="Requested">The increase that did not fit.</param>
public sealed class QuotaExceededException(QuotaResource resource, long limit, long usage, long requested)
    : DomainException($"Limit for resource '{resource.Name()}' exceeded: limit {limit}, in use {usage}, requested {requested}, available {Math.Max(0, limit - usage)}.")
{
    public QuotaResource Resource { get; } = resource;

    public long Limit { get; } = limit;

    public long Usage { get; } = usage;

    public long Requested { get; } = requested;
}
