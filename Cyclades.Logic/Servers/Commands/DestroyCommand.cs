using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>Removes a server; allowed in every state and overriding a pending task.</summary>
internal sealed class DestroyCommand : ServerCommand
{
    private readonly HashSet<long> _finishedCreateJobs = [];

    public override ServerAction Action => ServerAction.Destroy;

    public override bool IsAlreadyDone(Server server) =>
        server.Deleted || server.Task?.Action == ServerAction.Destroy;

    /// <summary>Which of the create jobs still pending as tasks have finished on the cluster (or are unknown to it: nothing runs).</summary>
    public override async Task PrepareAsync(IReadOnlyList<Server> servers, Func<long, Task<IClusterDriver>> driverOf, CancellationToken cancellationToken)
    {
        foreach (var server in servers)
        {
            if (server.Task is not { Action: ServerAction.Build, JobId: { } jobId })
            {
                continue;
            }
            var job = await (await driverOf(server.BackendId)).GetJobAsync(jobId, cancellationToken);
            if (job is null || job.Status.IsFinal())
            {
                _finishedCreateJobs.Add(jobId);
            }
        }
    }

    /// <summary>
    /// While the create job has not finished the instance may not exist on the cluster yet, and a
    /// removal then fails while the creation goes ahead (reference §3.3, the [L] DESTROY check).
    /// </summary>
    public override void Validate(Server server, Flavor flavor)
    {
        if (server.Task is { Action: ServerAction.Build } build && (build.JobId is not { } jobId || !_finishedCreateJobs.Contains(jobId)))
        {
            throw new ServerBuildingException(server.Id);
        }
    }

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.DestroyServerAsync(server.InstanceName, cancellationToken);
}
