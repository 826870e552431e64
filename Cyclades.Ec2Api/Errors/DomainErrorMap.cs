using System.Globalization;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Errors;

/// <summary>
/// The one table from the logic core's domain errors to EC2 errors (README, "Errors"). Messages that
/// depend on what was asked (AWS words a refused start and a refused stop differently) take the EC2
/// action. A domain error not listed here is a 500 <c>InternalError</c>.
/// </summary>
public static class DomainErrorMap
{
    public static Ec2Exception? Map(DomainException exception, string? action) => exception switch
    {
        ServerNotFoundException e => Ec2Errors.InvalidInstanceIdNotFound(e.ServerIds.Select(InstanceIds.Of).ToList()),
        ServerBuildingException e => IncorrectState(action, e.ServerId, InstanceStates.TaskState(ServerAction.Build)),
        PendingTaskException e => IncorrectState(action, e.ServerId, InstanceStates.TaskState(e.PendingTask)),
        InvalidServerStateException e => IncorrectState(action, e.ServerId, pendingTask: null),
        ServerDeletedException e => IncorrectState(action, e.ServerId, pendingTask: null),
        ServerNotStoppedException e => IncorrectState(action, e.ServerId, pendingTask: null),
        QuotaExceededException e => QuotaExceeded(e),
        NoBackendAvailableException e => Ec2Errors.InsufficientInstanceCapacity(
            $"We currently do not have sufficient capacity in the Availability Zone you requested: {e.Reason}"),
        FlavorNotOfferedException e => Ec2Errors.Unsupported(
            $"Your requested instance type ({e.Flavor}) is not supported in your requested Availability Zone ({e.Backend}). Please retry your request by not specifying an Availability Zone or choosing another one."),
        BackendUnavailableException e => Ec2Errors.Unavailable($"The availability zone '{e.Backend}' is unavailable at the moment; try again."),
        // The cluster refused the request itself (our credentials, its RAPI user's rights, a request it
        // does not accept): the same request would be refused again, so a 400 that SDKs do not retry
        // (a 5xx would be retried, each retry a launch created and discarded). The cluster's answer is
        // in the service's log for the operator; the user gets no cluster internals.
        BackendRejectedException e => Ec2Errors.UnsupportedOperation(
            $"The availability zone '{e.Backend}' refused this request; trying again will not help. Please contact the cloud's operator."),
        BackendNotFoundException e => Ec2Errors.InvalidParameterValue($"Invalid availability zone: [{e.Name}]"),
        IdempotencyMismatchException => Ec2Errors.IdempotentParameterMismatch(),
        FlavorNotFoundException e => Ec2Errors.InvalidParameterValue($"Invalid value '{e.Name}' for InstanceType."),
        ImageNotFoundException e => Ec2Errors.InvalidAmiIdNotFound(ImageIds.Of(e.ImageId)),
        InvalidResizeException e => Ec2Errors.InvalidInstanceAttributeValue(e.Problem switch
        {
            ResizeProblem.SameFlavor => $"The instance '{InstanceIds.Of(e.ServerId)}' already has the instance type {e.Flavor}.",
            ResizeProblem.DiskSize => $"Modifying the instance type of '{InstanceIds.Of(e.ServerId)}' to {e.Flavor} is not allowed: its disk size differs.",
            _ => $"Modifying the instance type of '{InstanceIds.Of(e.ServerId)}' to {e.Flavor} is not allowed: its disk type differs.",
        }),
        TaskWaitTimeoutException e => Ec2Errors.Unavailable(
            $"The {InstanceStates.TaskState(e.PendingTask)} task of instance '{InstanceIds.Of(e.ServerId)}' is still running on the cluster; retry the request to wait for it again."),
        ResizeFailedException e => Ec2Errors.InternalError(
            $"The instance type of '{InstanceIds.Of(e.ServerId)}' could not be changed to {e.Flavor}: {e.Reason ?? "the cluster's job failed"}."),
        KeyPairExistsException e => Ec2Errors.InvalidKeyPairDuplicate(e.Name),
        KeyPairNotFoundException e => Ec2Errors.InvalidKeyPairNotFound(e.Name),
        InvalidPublicKeyException => Ec2Errors.InvalidKeyPairFormat(),
        TagLimitExceededException => Ec2Errors.TagLimitExceeded(),
        ServerProtectedException { Action: ServerAction.Stop } e => Ec2Errors.OperationNotPermitted(
            $"The instance '{InstanceIds.Of(e.ServerId)}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again."),
        ServerProtectedException e => Ec2Errors.OperationNotPermitted(
            $"The instance '{InstanceIds.Of(e.ServerId)}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again."),
        PrivateAddressUnavailableException { InUse: true } e => Ec2Errors.InvalidIpAddressInUse(e.Address),
        PrivateAddressUnavailableException e => Ec2Errors.InvalidParameterValue(
            $"Address {e.Address} does not fall within the subnet's address range ({e.Network})."),
        _ => null,
    };

    private static Ec2Exception IncorrectState(string? action, long serverId, string? pendingTask)
    {
        var id = InstanceIds.Of(serverId);
        var because = pendingTask is null ? "" : $" Its {pendingTask} task is pending.";
        return Ec2Errors.IncorrectInstanceState(action switch
        {
            "StopInstances" when pendingTask == InstanceStates.TaskState(ServerAction.Build) =>
                $"Instance '{id}' cannot be stopped as it has never reached the 'running' state.",
            "ModifyInstanceAttribute" => $"The instance '{id}' is not in the 'stopped' state.{because}",
            _ => $"The instance '{id}' is not in a state from which it can be {Verb(action)}.{because}",
        });
    }

    private static string Verb(string? action) => action switch
    {
        "StartInstances" => "started",
        "StopInstances" => "stopped",
        "RebootInstances" => "rebooted",
        "TerminateInstances" => "terminated",
        _ => "changed",
    };

    private static Ec2Exception QuotaExceeded(QuotaExceededException e)
    {
        var available = Math.Max(0, e.Limit - e.Usage);
        var resource = e.Resource.Name();
        return e.Resource switch
        {
            QuotaResource.Vm => Ec2Errors.InstanceLimitExceeded(
                $"Your quota allows for {N(available)} more running instance(s). You requested at least {N(e.Requested)}"),
            QuotaResource.Cpu or QuotaResource.TotalCpu => Ec2Errors.VcpuLimitExceeded(
                $"You have requested more vCPU capacity than your current vCPU limit of {N(e.Limit)} ({resource}) allows: " +
                $"{N(e.Usage)} in use, {N(e.Requested)} requested."),
            QuotaResource.Ram or QuotaResource.TotalRam => Ec2Errors.InstanceLimitExceeded(
                $"You have requested more memory than your current limit of {N(e.Limit / Mib)} MiB ({resource}) allows: " +
                $"{N(e.Usage / Mib)} MiB in use, {N(e.Requested / Mib)} MiB requested."),
            _ => Ec2Errors.VolumeLimitExceeded(
                $"You have exceeded your maximum storage limit of {N(e.Limit / Gib)} GiB ({resource}): " +
                $"{N(e.Usage / Gib)} GiB in use, {N(e.Requested / Gib)} GiB requested."),
        };
    }

    private const long Mib = 1024 * 1024;
    private const long Gib = 1024 * Mib;

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
