using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>Waits (bounded, <see cref="ServerTaskWait"/>) until the cluster has applied the NIC change just asked of a server.</summary>
public sealed class NicTaskWait(ServerTaskWait wait)
{
    /// <exception cref="TaskWaitTimeoutException">The cluster is still at it.</exception>
    public async Task UntilAppliedAsync(string userId, long serverId, CancellationToken cancellationToken)
    {
        var view = await wait.GetAsync(userId, serverId, cancellationToken);
        if (view.Server.Task is { Action: ServerAction.ConnectPort or ServerAction.DisconnectPort, JobId: { } jobId })
        {
            await wait.UntilDoneAsync(userId, serverId, jobId, cancellationToken);
        }
    }
}
