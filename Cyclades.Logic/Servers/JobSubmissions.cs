using System.Collections.Concurrent;
using System.Threading.Channels;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Diagnostics;

namespace Cyclades.Logic.Servers;

/// <summary>A job this process submitted, announced once the database knows it.</summary>
public sealed record SubmittedJob(long BackendId, long JobId, ServerOperation Operation);

/// <summary>
/// The in-process signal from the commands to the dispatcher: a command announces each job it
/// submitted after its transaction committed, so the dispatcher of that backend starts following the
/// job at once instead of at its next look at the pending tasks (which still finds jobs submitted by
/// other processes).
/// </summary>
public sealed class JobSubmissions(LogicMetrics metrics)
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Channel<SubmittedJob>, bool>> _subscribers = new();

    public void Notify(SubmittedJob job)
    {
        metrics.JobSubmitted(job.Operation);
        if (_subscribers.TryGetValue(job.BackendId, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                channel.Writer.TryWrite(job);
            }
        }
    }

    /// <summary>The jobs announced for <paramref name="backendId"/> from now until the subscription is disposed.</summary>
    public Subscription Subscribe(long backendId)
    {
        var channel = Channel.CreateUnbounded<SubmittedJob>(new UnboundedChannelOptions { SingleReader = true });
        var channels = _subscribers.GetOrAdd(backendId, _ => new ConcurrentDictionary<Channel<SubmittedJob>, bool>());
        channels.TryAdd(channel, true);
        return new Subscription(channel.Reader, () =>
        {
            channels.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
    }

    public sealed class Subscription(ChannelReader<SubmittedJob> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<SubmittedJob> Jobs { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
