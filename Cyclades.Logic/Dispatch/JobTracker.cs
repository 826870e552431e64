using System.Collections.Concurrent;
using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Dispatch;

/// <summary>
/// What the leader of one backend remembers about jobs, so it does not deliver the same status again
/// and again: the last status delivered per job, and the jobs being followed by a long poll. It is
/// an optimisation only; the event processor's idempotency is what makes delivery correct.
/// </summary>
internal sealed class JobTracker
{
    private readonly ConcurrentDictionary<long, JobStatus> _delivered = new();
    private readonly ConcurrentDictionary<long, bool> _followed = new();
    private readonly ConcurrentDictionary<long, bool> _unknown = new();

    public bool IsFollowed(long jobId) => _followed.ContainsKey(jobId);

    public bool TryStartFollowing(long jobId) => _followed.TryAdd(jobId, true);

    public void StopFollowing(long jobId) => _followed.TryRemove(jobId, out _);

    public JobStatus? Delivered(long jobId) => _delivered.TryGetValue(jobId, out var status) ? status : null;

    /// <summary>Final, or unknown to the cluster: nothing more will come of it.</summary>
    public bool IsFinished(long jobId) => Delivered(jobId)?.IsFinal() == true || _unknown.ContainsKey(jobId);

    /// <summary>The cluster does not know the job (reconciliation clears a task waiting for it).</summary>
    public void MarkUnknown(long jobId) => _unknown[jobId] = true;

    public void MarkDelivered(long jobId, JobStatus status) => _delivered[jobId] = status;

    /// <summary>Forgets jobs the cluster no longer lists (archived), except those being followed.</summary>
    public void KeepOnly(IReadOnlySet<long> listed)
    {
        foreach (var jobId in _delivered.Keys.Where(id => !listed.Contains(id) && !IsFollowed(id)))
        {
            _delivered.TryRemove(jobId, out _);
        }
    }

    /// <summary>After a cluster rebuild: job ids start again at 1, so nothing remembered applies.</summary>
    public void Forget()
    {
        _delivered.Clear();
        _unknown.Clear();
    }
}
