using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>Removes a server; allowed in every state and overriding a pending task.</summary>
internal sealed class DestroyCommand : ServerCommand
{
    public override ServerAction Action => ServerAction.Destroy;

    public override bool IsAlreadyDone(Server server) =>
        server.Deleted || server.Task?.Action == ServerAction.Destroy;

    /// <summary>
    /// While the create job has not finished the instance may not exist on the cluster yet, and a
    /// removal then fails while the creation still goes ahead (reference §3.3, the [L] DESTROY check).
    /// </summary>
    public override async Task ValidateWithClusterAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken)
    {
        if (server.Task is not { Action: ServerAction.Build } build)
        {
            return;
        }
        if (build.JobId is not { } jobId || await driver.GetJobAsync(jobId, cancellationToken) is { } job && !job.Status.IsFinal())
        {
            throw new ServerBuildingException(server.Id);
        }
    }

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.DestroyServerAsync(server.InstanceName, cancellationToken);
}
