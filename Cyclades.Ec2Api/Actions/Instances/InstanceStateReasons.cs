using System.Globalization;
using Cyclades.Logic.Backends;
using Cyclades.Logic.Servers;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// Why an instance is in its state, as <c>stateReason</c> (code and message, which clients parse)
/// and <c>reason</c> (EC2's free-text <c>StateTransitionReason</c>): the pending task and its job, a
/// failure with the cluster's message, or the user's termination.
/// </summary>
public static class InstanceStateReasons
{
    public const string TaskCodePrefix = "Cyclades.Task.";
    public const string InternalError = "Server.InternalError";
    public const string UserInitiatedShutdown = "Client.UserInitiatedShutdown";
    public const string InstanceInitiatedShutdown = "Client.InstanceInitiatedShutdown";

    public static (StateReasonItem? StateReason, string Reason) Of(Server server)
    {
        if (server.Task is { } task && !server.Deleted)
        {
            var taskState = InstanceStates.TaskState(task.Action);
            var job = task.JobId is { } jobId ? $"Ganeti job {jobId.ToString(CultureInfo.InvariantCulture)}" : "its Ganeti job is being submitted";
            return (new StateReasonItem { Code = TaskCodePrefix + taskState, Message = $"{taskState}: {job} is pending" }, $"{taskState} ({job})");
        }
        if (Failure(server) is { } failure)
        {
            var message = $"{InternalError}: {failure}";
            return (new StateReasonItem { Code = InternalError, Message = message }, message);
        }
        if (server.DestroyReason == DestroyReason.GuestShutdown)
        {
            var message = $"{InstanceInitiatedShutdown}: Instance initiated shutdown";
            return (new StateReasonItem { Code = InstanceInitiatedShutdown, Message = message }, message);
        }
        if (server.Deleted)
        {
            var at = (server.DeletedAt ?? server.UpdatedAt).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            return (new StateReasonItem { Code = UserInitiatedShutdown, Message = $"{UserInitiatedShutdown}: User initiated shutdown" },
                $"User initiated ({at} GMT)");
        }
        return (null, "");
    }

    private const string FailedOnCluster = "The instance failed on its cluster.";

    /// <summary>The cluster's message for a server that failed: in ERROR, or released without ever being built.</summary>
    private static string? Failure(Server server)
    {
        var failedCreate = server.LastJob is { Operation: ServerOperation.Create, Status: JobStatus.Error };
        if (server.OperState == OperState.Error || (server.Deleted && failedCreate))
        {
            return server.LastJob?.Message is { Length: > 0 } message ? message : FailedOnCluster;
        }
        // Destroyed by the core after its failed create (the last job is the removal).
        if (server.DestroyReason == DestroyReason.FailedBuild)
        {
            return FailedOnCluster;
        }
        return null;
    }
}
