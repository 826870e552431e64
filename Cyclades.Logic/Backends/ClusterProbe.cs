namespace Cyclades.Logic.Backends;

/// <summary>What a cluster answered when asked for its identity and capacity, or why it did not.</summary>
public sealed record ClusterProbeResult(ClusterInfo? Info, string? Problem)
{
    public bool Answered => Info is not null;
}

public static class ClusterProbe
{
    /// <summary>Asks a backend's cluster for its info within <paramref name="timeout"/>; a failure or no answer is a result, not an exception.</summary>
    public static async Task<ClusterProbeResult> ProbeAsync(this ClusterDriverCache drivers, Backend backend, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var driver = await drivers.GetAsync(backend.Id, limit.Token);
            return new ClusterProbeResult(await driver.GetInfoAsync(limit.Token), null);
        }
        catch (ClusterException e)
        {
            return new ClusterProbeResult(null, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ClusterProbeResult(null, $"Ganeti cluster '{backend.Name}' did not answer within {timeout.TotalSeconds:0} s.");
        }
    }
}
