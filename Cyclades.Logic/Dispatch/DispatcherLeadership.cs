using System.Collections.Concurrent;

namespace Cyclades.Logic.Dispatch;

/// <summary>The backends whose dispatcher lease this process holds right now (for periodic work only the leader does, and for health checks).</summary>
public sealed class DispatcherLeadership
{
    private readonly ConcurrentDictionary<long, bool> _leading = new();

    public bool IsLeader(long backendId) => _leading.ContainsKey(backendId);

    public IReadOnlyCollection<long> LeadingBackends => _leading.Keys.Order().ToList();

    internal void Set(long backendId, bool leading)
    {
        if (leading)
        {
            _leading[backendId] = true;
        }
        else
        {
            _leading.TryRemove(backendId, out _);
        }
    }
}
