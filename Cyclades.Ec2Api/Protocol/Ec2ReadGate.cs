using System.Threading.RateLimiting;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// Lets at most <see cref="Ec2ApiOptions.MaxConcurrentReads"/> Describe actions run at once; the others wait their
/// turn, oldest first, and past <see cref="Ec2ApiOptions.MaxQueuedReads"/> waiting are refused with <c>RequestLimitExceeded</c>.
/// </summary>
/// <remarks>
/// A read is processor time and memory: a page of instances is hundreds of kilobytes of objects between the database
/// and the XML. Started all at once, more reads than the processors can serve answer no sooner; they only keep more
/// pages alive together, which the garbage collector pays for. Actions that change things are never held here: they
/// may wait on a cluster, and a slow cluster must not hold the reads up.
/// </remarks>
public sealed class Ec2ReadGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    public Ec2ReadGate(IOptions<Ec2ApiOptions> options) =>
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentReads ?? 4 * Environment.ProcessorCount,
            QueueLimit = options.Value.MaxQueuedReads,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    /// <summary>How many reads wait for their turn now.</summary>
    public long Waiting => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Waits for the action's turn if it is a read; dispose the result when the answer is written.</summary>
    /// <exception cref="Ec2Exception"><c>RequestLimitExceeded</c> when too many reads already wait.</exception>
    public async ValueTask<IDisposable?> EnterAsync(string action, CancellationToken cancellationToken)
    {
        if (!action.StartsWith("Describe", StringComparison.Ordinal))
        {
            return null;
        }
        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        throw Ec2Errors.RequestLimitExceeded();
    }

    public void Dispose() => _limiter.Dispose();
}
