using System.Globalization;
using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.Images;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Cyclades.Logic.Volumes;

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
        // AWS's words for an address associated to an instance still being made (Terraform retries on exactly this).
        ServerBuildingException e when action == "AssociateAddress" => PendingInstance(e.ServerId),
        PendingTaskException { PendingTask: ServerAction.Build } e when action == "AssociateAddress" => PendingInstance(e.ServerId),
        ServerBuildingException e => IncorrectState(action, e.ServerId, InstanceStates.TaskState(ServerAction.Build)),
        PendingTaskException e => IncorrectState(action, e.ServerId, InstanceStates.TaskState(e.PendingTask)),
        InvalidServerStateException e => IncorrectState(action, e.ServerId, pendingTask: null),
        ServerDeletedException e => IncorrectState(action, e.ServerId, pendingTask: null),
        ServerNotStoppedException e => IncorrectState(action, e.ServerId, pendingTask: null),
        QuotaExceededException e => QuotaExceeded(e),
        VolumeNotFoundException e => Ec2Errors.InvalidVolumeNotFound(VolumeIds.Of(e.VolumeIds[0])),
        VolumeInUseException e => Ec2Errors.VolumeInUse(action == "AttachVolume"
            ? $"{VolumeIds.Of(e.VolumeId)} is already attached to an instance"
            : $"Volume {VolumeIds.Of(e.VolumeId)} is currently attached to {InstanceIds.Of(e.ServerId)}"),
        VolumeStateException e => Ec2Errors.IncorrectState($"Volume '{VolumeIds.Of(e.VolumeId)}' is in the '{VolumeStates.Of(e.Status)}' state."),
        VolumeModificationInProgressException e => Ec2Errors.IncorrectModificationState(
            $"Volume {VolumeIds.Of(e.VolumeId)} is already being modified."),
        VolumeUnchangedException e => Ec2Errors.InvalidParameterValue(
            $"The modification of volume {VolumeIds.Of(e.VolumeId)} changes neither its size ({e.SizeGiB} GiB) nor its type ({e.TypeLabel ?? VolumeTypeMapping.Default})."),
        VolumeZoneMismatchException e => Ec2Errors.InvalidVolumeZoneMismatch(VolumeIds.Of(e.VolumeId), InstanceIds.Of(e.ServerId)),
        VolumeTypeMismatchException e => Ec2Errors.InvalidParameterCombination(
            $"The volume '{VolumeIds.Of(e.VolumeId)}' is of disk type {e.VolumeType}; instance '{InstanceIds.Of(e.ServerId)}' takes {e.ServerType} volumes only."),
        VolumeNotAttachedException e => Ec2Errors.InvalidAttachmentNotFound(
            $"The volume {VolumeIds.Of(e.VolumeId)} is not attached to instance {(e.ServerId is { } s ? InstanceIds.Of(s) : "(any)")} as device {e.DeviceName ?? "(any)"}"),
        DeviceInUseException e => Ec2Errors.InvalidParameterValue($"Invalid value '{e.DeviceName}' for unixDevice. Attachment point {e.DeviceName} is already in use"),
        InvalidVolumeSizeException e => Ec2Errors.InvalidParameterValue(e.Reason == "a volume only grows."
            ? "New size cannot be smaller than existing size" : $"Volume of {e.SizeGiB}GiB is too large or too small; {e.Reason}"),
        VolumeTypeUnavailableException e => Ec2Errors.InvalidParameterValue($"The volume type is not offered in the availability zone '{e.Backend}'."),
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
        ImageNotAvailableException e => Ec2Errors.InvalidAmiIdUnavailable(ImageIds.Of(e.ImageId), e.Failed ? "failed" : "pending"),
        ImageNameTakenException e => Ec2Errors.InvalidAmiNameDuplicate(e.Name),
        ImageOsNotOfferedException e => Ec2Errors.InvalidParameterValue(e.Parameter is null
            ? $"Value ({e.OsType}) for parameter ImageLocation is invalid. No image of this cloud uses that OS."
            : $"Value ({e.OsType}) for parameter ImageLocation is invalid. The OS parameter '{e.Parameter}' is not offered."),
        ImagePlacementException { Problem: ImagePlacementProblem.OtherBackend } e => Ec2Errors.InvalidParameterValue(
            $"Image '{ImageIds.Of(e.ImageId)}' was made from an instance and can only be launched in the availability zone '{e.Backend}'."),
        ImagePlacementException e => Ec2Errors.InvalidParameterValue(
            $"Image '{ImageIds.Of(e.ImageId)}' needs an instance type that allows '{e.DiskTemplate}' volumes."),
        LiveExportUnsupportedException e => Ec2Errors.UnsupportedOperation(
            $"An image of the running instance '{InstanceIds.Of(e.ServerId)}' cannot be made without rebooting it: its '{e.DiskTemplate}' disks cannot be snapshotted. Omit NoReboot, or stop the instance first."),
        ServerExportInUseException e => Ec2Errors.IncorrectState(
            $"The instance '{InstanceIds.Of(e.ServerId)}' already backs the image '{ImageIds.Of(e.ImageId)}', and its availability zone keeps one image of each instance; deregister that image first."),
        ServerExportBeingRemovedException e => Ec2Errors.IncorrectState(
            $"The image previously made from the instance '{InstanceIds.Of(e.ServerId)}' is still being removed from its availability zone; retry shortly."),
        InvalidResizeException e => Ec2Errors.InvalidInstanceAttributeValue(e.Problem switch
        {
            ResizeProblem.SameFlavor => $"The instance '{InstanceIds.Of(e.ServerId)}' already has the instance type {e.Flavor}.",
            ResizeProblem.SameCompute => $"The instance '{InstanceIds.Of(e.ServerId)}' already has the vCPUs and memory of {e.Flavor}; its volumes do not depend on the instance type.",
            _ => $"Modifying the instance type of '{InstanceIds.Of(e.ServerId)}' to {e.Flavor} is not allowed: it does not support the instance's volume type.",
        }),
        InvalidVolumeRequestException e => Ec2Errors.InvalidBlockDeviceMapping(e.Message),
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
        NetworkNotFoundException { Resource: NetworkResource.Network } e => Ec2Errors.InvalidVpcIdNotFound(VpcIds.Of(e.Id)),
        NetworkNotFoundException { Resource: NetworkResource.Subnet } e => Ec2Errors.InvalidSubnetIdNotFound(SubnetIds.Of(e.Id)),
        NetworkNotFoundException { Resource: NetworkResource.Port } e => Ec2Errors.InvalidNetworkInterfaceIdNotFound(NetworkInterfaceIds.Of(e.Id)),
        PortInUseException e => Ec2Errors.InvalidNetworkInterfaceInUse(
            $"The network interface '{NetworkInterfaceIds.Of(e.PortId)}' is currently in use by instance '{InstanceIds.Of(e.ServerId)}'."),
        PortNotAttachedException e => Ec2Errors.InvalidAttachmentIdNotFound(NetworkInterfaceIds.AttachmentOf(e.PortId)),
        PrimaryPortException => Ec2Errors.OperationNotPermitted("The network interface at device index 0 and networkCard index 0 cannot be detached."),
        PortZoneMismatchException { PortId: { } portId } e => Ec2Errors.InvalidParameterValue(
            $"The network interface '{NetworkInterfaceIds.Of(portId)}' and instance '{InstanceIds.Of(e.ServerId)}' are in different availability zones."),
        PortZoneMismatchException e => Ec2Errors.InvalidParameterValue(
            $"The address {AddressIds.Of(e.FloatingIpId ?? 0)} is from another availability zone's pool than instance '{InstanceIds.Of(e.ServerId)}': allocate one there."),
        DeviceIndexInUseException e => Ec2Errors.InvalidParameterValue(
            $"Instance '{InstanceIds.Of(e.ServerId)}' already has an interface attached at device index '{e.DeviceIndex}'."),
        PortLimitExceededException e => Ec2Errors.AttachmentLimitExceeded(
            $"Instance '{InstanceIds.Of(e.ServerId)}' has {e.Limit} network interfaces, the most an instance can have here."),
        FloatingIpNotAttachedException e => Ec2Errors.InvalidAssociationIdNotFound(e.Address),
        SubnetFullException e => Ec2Errors.InsufficientFreeAddressesInSubnet(SubnetIds.Of(e.SubnetId)),
        NetworkInUseException { Resource: NetworkResource.Network } e => Ec2Errors.DependencyViolation(
            $"The vpc '{VpcIds.Of(e.Id)}' has dependencies and cannot be deleted."),
        NetworkInUseException { Resource: NetworkResource.Subnet } e => Ec2Errors.DependencyViolation(
            $"The subnet '{SubnetIds.Of(e.Id)}' has dependencies and cannot be deleted."),
        InvalidNetworkRangeException { Problem: NetworkRangeProblem.Overlaps } e => Ec2Errors.InvalidSubnetConflict(e.Cidr),
        InvalidNetworkRangeException { Resource: NetworkResource.Network } e => Ec2Errors.InvalidVpcRange(e.Cidr),
        InvalidNetworkRangeException e => Ec2Errors.InvalidSubnetRange(e.Cidr),
        DefaultNetworkException e => Ec2Errors.OperationNotPermitted(
            $"The default VPC cannot {e.Operation}: its subnets are the cloud's public networks. Create a VPC of your own."),
        FloatingIpNotFoundException { Id: { } id } => Ec2Errors.InvalidAllocationIdNotFound(AddressIds.Of(id)),
        FloatingIpNotFoundException e => Ec2Errors.InvalidAddressNotFound(e.Address ?? ""),
        FloatingIpInUseException e => Ec2Errors.InvalidIpAddressInUse(e.Address),
        NoFloatingAddressException => Ec2Errors.InsufficientAddressCapacity(),
        SecurityGroupNotFoundException e => Ec2Errors.InvalidGroupNotFound(e.GroupId is { } id ? SecurityGroupIds.Of(id) : e.Name ?? ""),
        SecurityGroupExistsException e => Ec2Errors.InvalidGroupDuplicate(e.Name, VpcIds.Of(e.NetworkId)),
        DefaultSecurityGroupException e => Ec2Errors.CannotDelete(SecurityGroupIds.Of(e.GroupId), e.Name),
        SecurityGroupInUseException e => Ec2Errors.DependencyViolation($"resource {SecurityGroupIds.Of(e.GroupId)} has a dependent object"),
        SecurityGroupNetworkMismatchException => Ec2Errors.InvalidParameterValue("You have specified two resources that belong to different networks."),
        SecurityGroupRuleExistsException e => Ec2Errors.InvalidPermissionDuplicate(SecurityGroupRenderer.Text(e.Rule)),
        SecurityGroupRuleNotFoundException => Ec2Errors.InvalidPermissionNotFound(),
        SecurityGroupRuleIdNotFoundException e => Ec2Errors.InvalidSecurityGroupRuleIdNotFound(SecurityGroupRuleIds.Of(e.RuleId)),
        SecurityGroupRuleLimitException => Ec2Errors.RulesPerSecurityGroupLimitExceeded(),
        TooManySecurityGroupsException => Ec2Errors.SecurityGroupsPerInterfaceLimitExceeded(),
        PortNotFoundForGroupsException e => Ec2Errors.InvalidParameterValue($"The network interface of port {e.PortId} does not exist."),
        InvalidRuleException { Problem: RuleProblem.Peer } e => Ec2Errors.InvalidPermissionMalformed(e.Message),
        InvalidRuleException e => Ec2Errors.InvalidParameterValue(e.Message),
        _ => null,
    };

    private static Ec2Exception PendingInstance(long serverId) =>
        Ec2Errors.InvalidInstanceId($"The pending instance '{InstanceIds.Of(serverId)}' is not in a valid state for this operation.");

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
            QuotaResource.NetworkPrivate => Ec2Errors.VpcLimitExceeded(
                $"The maximum number of VPCs has been reached: your quota ({resource}) allows {N(e.Limit)}, {N(e.Usage)} in use."),
            QuotaResource.FloatingIp => Ec2Errors.AddressLimitExceeded(),
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
