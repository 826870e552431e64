using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Cyclades.Ec2Api.Errors;

/// <summary>
/// The EC2 error codes this endpoint answers with, their HTTP statuses and AWS's messages: the one
/// place to look them up. Messages follow AWS's wording where it is known (ec2-protocol.md §1.6).
/// </summary>
public static class Ec2Errors
{
    // Protocol and parameters
    public static Ec2Exception MissingAction() =>
        New("MissingAction", Status400BadRequest, "The request must contain the parameter Action.");

    public static Ec2Exception InvalidAction(string action) =>
        New("InvalidAction", Status400BadRequest, $"The action {action} is not valid for this web service.");

    public static Ec2Exception UnsupportedOperation(string message) =>
        New("UnsupportedOperation", Status400BadRequest, message);

    /// <summary>AWS's answer for a request the chosen place cannot serve, e.g. an instance type a zone does not offer.</summary>
    public static Ec2Exception Unsupported(string message) =>
        New("Unsupported", Status400BadRequest, message);

    public static Ec2Exception NoSuchVersion(string version) =>
        New("NoSuchVersion", Status400BadRequest, $"The requested version ({version}) of service AmazonEC2 does not exist");

    public static Ec2Exception MissingParameter(string name) =>
        New("MissingParameter", Status400BadRequest, $"The request must contain the parameter {name}");

    public static Ec2Exception UnknownParameter(string name) =>
        New("UnknownParameter", Status400BadRequest, $"The parameter {name} is not recognized");

    public static Ec2Exception InvalidParameterValue(string message) =>
        New("InvalidParameterValue", Status400BadRequest, message);

    /// <summary>AWS's usual wording: <c>Value (x) for parameter Name is invalid. Reason</c>.</summary>
    public static Ec2Exception InvalidParameterValue(string name, string value, string reason) =>
        InvalidParameterValue($"Value ({value}) for parameter {name} is invalid. {reason}");

    public static Ec2Exception InvalidParameterCombination(string message) =>
        New("InvalidParameterCombination", Status400BadRequest, message);

    public static Ec2Exception OperationNotPermitted(string message) =>
        New("OperationNotPermitted", Status400BadRequest, message);

    public static Ec2Exception InvalidIpAddressInUse(string address) =>
        New("InvalidIPAddress.InUse", Status400BadRequest, $"Address {address} is in use.");

    public static Ec2Exception UnsupportedHibernationConfiguration() =>
        New("UnsupportedHibernationConfiguration", Status400BadRequest, "Hibernation is not supported by this endpoint's instance types.");

    public static Ec2Exception InvalidFilter(string name) =>
        InvalidParameterValue($"The filter '{name}' is invalid");

    public static Ec2Exception MalformedQueryString(string message) =>
        New("MalformedQueryString", Status400BadRequest, message);

    public static Ec2Exception UnsupportedMediaType(string contentType) =>
        New("InvalidParameterValue", Status400BadRequest,
            $"Content-Type '{contentType}' is not supported: send the parameters as application/x-www-form-urlencoded.");

    public static Ec2Exception MethodNotAllowed(string method) =>
        New("MethodNotAllowed", Status405MethodNotAllowed, $"The HTTP method {method} is not allowed: send EC2 requests as GET or POST.");

    public static Ec2Exception RequestEntityTooLarge(long limit) =>
        New("RequestEntityTooLarge", Status413PayloadTooLarge, $"The request body exceeds the {limit} bytes this endpoint accepts.");

    public static Ec2Exception UnreadableRequest(string message) =>
        New("InvalidRequest", Status400BadRequest, $"The request could not be read: {message}");

    public static Ec2Exception DryRunOperation() =>
        New("DryRunOperation", Status412PreconditionFailed, "Request would have succeeded, but DryRun flag is set.");

    // Authentication (SigV4)
    public static Ec2Exception MissingAuthenticationToken() =>
        New("MissingAuthenticationToken", Status403Forbidden,
            "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");

    public static Ec2Exception IncompleteSignature(string message) =>
        New("IncompleteSignature", Status400BadRequest, message);

    public static Ec2Exception AuthFailure() =>
        New("AuthFailure", Status401Unauthorized, "AWS was not able to validate the provided access credentials");

    public static Ec2Exception SignatureDoesNotMatch() =>
        SignatureDoesNotMatch("The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");

    public static Ec2Exception SignatureDoesNotMatch(string message) =>
        New("SignatureDoesNotMatch", Status403Forbidden, message);

    public static Ec2Exception RequestExpired() =>
        New("RequestExpired", Status400BadRequest, "Request has expired.");

    // Resources
    public static Ec2Exception InvalidInstanceIdMalformed(string id) =>
        New("InvalidInstanceID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\"");

    public static Ec2Exception InvalidInstanceIdNotFound(IReadOnlyList<string> ids) =>
        New("InvalidInstanceID.NotFound", Status400BadRequest, ids.Count == 1
            ? $"The instance ID '{ids[0]}' does not exist"
            : $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    public static Ec2Exception InvalidInstanceId(string message) =>
        New("InvalidInstanceID", Status400BadRequest, message);

    public static Ec2Exception SecurityGroupsPerInterfaceLimitExceeded() =>
        New("SecurityGroupsPerInterfaceLimitExceeded", Status400BadRequest, "The maximum number of security groups per interface has been reached.");

    public static Ec2Exception IncorrectInstanceState(string message) =>
        New("IncorrectInstanceState", Status400BadRequest, message);

    public static Ec2Exception InvalidBlockDeviceMapping(string message) =>
        New("InvalidBlockDeviceMapping", Status400BadRequest, message);

    public static Ec2Exception InvalidInstanceAttributeValue(string message) =>
        New("InvalidInstanceAttributeValue", Status400BadRequest, message);

    public static Ec2Exception InvalidAmiIdMalformed(string id) =>
        New("InvalidAMIID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"ami-...\")");

    public static Ec2Exception InvalidAmiIdNotFound(string id) =>
        New("InvalidAMIID.NotFound", Status400BadRequest, $"The image id '[{id}]' does not exist");

    public static Ec2Exception InvalidAmiIdUnavailable(string id, string state) =>
        New("InvalidAMIID.Unavailable", Status400BadRequest, $"Image '{id}' is not available: its state is {state}.");

    public static Ec2Exception InvalidAmiNameDuplicate(string name) =>
        New("InvalidAMIName.Duplicate", Status400BadRequest, $"AMI name {name} is already in use by an AMI you own.");

    public static Ec2Exception InvalidAmiNameMalformed(string name) =>
        New("InvalidAMIName.Malformed", Status400BadRequest,
            $"AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/', '_', '[', ']', ' ', '@' and \"'\": [{name}]");

    public static Ec2Exception InvalidAmiAttributeItemValue(string message) =>
        New("InvalidAMIAttributeItemValue", Status400BadRequest, message);

    public static Ec2Exception IncorrectState(string message) =>
        New("IncorrectState", Status400BadRequest, message);

    public static Ec2Exception IncorrectModificationState(string message) =>
        New("IncorrectModificationState", Status400BadRequest, message);

    public static Ec2Exception InvalidVolumeIdMalformed(string id) =>
        New("InvalidVolumeID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"vol-...\")");

    public static Ec2Exception InvalidVolumeNotFound(string id) =>
        New("InvalidVolume.NotFound", Status400BadRequest, $"The volume '{id}' does not exist.");

    public static Ec2Exception VolumeInUse(string message) => New("VolumeInUse", Status400BadRequest, message);

    public static Ec2Exception InvalidVolumeZoneMismatch(string volumeId, string instanceId) =>
        New("InvalidVolume.ZoneMismatch", Status400BadRequest,
            $"The volume '{volumeId}' is not in the same availability zone as instance '{instanceId}'");

    public static Ec2Exception InvalidAttachmentNotFound(string message) => New("InvalidAttachment.NotFound", Status400BadRequest, message);

    // Network interfaces and Elastic IP associations
    public static Ec2Exception InvalidNetworkInterfaceIdMalformed(string id) =>
        New("InvalidNetworkInterfaceID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"eni-...\")");

    public static Ec2Exception InvalidNetworkInterfaceIdNotFound(string id) =>
        New("InvalidNetworkInterfaceID.NotFound", Status400BadRequest, $"The networkInterface ID '{id}' does not exist");

    public static Ec2Exception InvalidNetworkInterfaceInUse(string message) =>
        New("InvalidNetworkInterface.InUse", Status400BadRequest, message);

    public static Ec2Exception InvalidAttachmentIdNotFound(string id) =>
        New("InvalidAttachmentID.NotFound", Status400BadRequest, $"The attachment ID '{id}' does not exist");

    public static Ec2Exception AttachmentLimitExceeded(string message) =>
        New("AttachmentLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception InvalidAssociationIdNotFound(string id) =>
        New("InvalidAssociationID.NotFound", Status400BadRequest, $"The association ID '{id}' does not exist");

    public static Ec2Exception ResourceAlreadyAssociated(string message) =>
        New("Resource.AlreadyAssociated", Status400BadRequest, message);

    public static Ec2Exception InsufficientFreeAddressesInSubnet(string subnetId) =>
        New("InsufficientFreeAddressesInSubnet", Status400BadRequest, $"The specified subnet {subnetId} does not have enough free addresses to satisfy the request.");

    public static Ec2Exception InvalidGroupIdMalformed(string id) =>
        New("InvalidGroupId.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"sg-...\")");

    public static Ec2Exception InvalidSubnetIdNotFound(string id) =>
        New("InvalidSubnetID.NotFound", Status400BadRequest, $"The subnet ID '{id}' does not exist");

    public static Ec2Exception InvalidVpcRange(string cidr) =>
        New("InvalidVpc.Range", Status400BadRequest, $"The CIDR '{cidr}' is invalid.");

    public static Ec2Exception InvalidSubnetRange(string cidr) =>
        New("InvalidSubnet.Range", Status400BadRequest, $"The CIDR '{cidr}' is invalid.");

    public static Ec2Exception InvalidSubnetConflict(string cidr) =>
        New("InvalidSubnet.Conflict", Status400BadRequest, $"The CIDR '{cidr}' conflicts with another subnet");

    public static Ec2Exception DependencyViolation(string message) =>
        New("DependencyViolation", Status400BadRequest, message);

    public static Ec2Exception VpcLimitExceeded(string message) =>
        New("VpcLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception InvalidVpcIdMalformed(string id) =>
        New("InvalidVpcID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"vpc-...\")");

    public static Ec2Exception InvalidVpcIdNotFound(string id) =>
        New("InvalidVpcID.NotFound", Status400BadRequest, $"The vpc ID '{id}' does not exist");

    public static Ec2Exception InvalidRouteTableIdNotFound(string id) =>
        New("InvalidRouteTableID.NotFound", Status400BadRequest, $"The routeTable ID '{id}' does not exist");

    public static Ec2Exception InvalidInternetGatewayIdNotFound(string id) =>
        New("InvalidInternetGatewayID.NotFound", Status400BadRequest, $"The internetGateway ID '{id}' does not exist");

    public static Ec2Exception InvalidNetworkAclIdNotFound(string id) =>
        New("InvalidNetworkAclID.NotFound", Status400BadRequest, $"The networkAcl ID '{id}' does not exist");

    public static Ec2Exception InvalidKeyPairNotFound(string name) =>
        New("InvalidKeyPair.NotFound", Status400BadRequest, $"The key pair '{name}' does not exist");

    public static Ec2Exception InvalidKeyPairDuplicate(string name) =>
        New("InvalidKeyPair.Duplicate", Status400BadRequest, $"The keypair '{name}' already exists.");

    public static Ec2Exception InvalidKeyPairFormat() =>
        New("InvalidKeyPair.Format", Status400BadRequest, "Key is not in valid OpenSSH public key format");

    public static Ec2Exception InvalidAllocationIdMalformed(string id) =>
        New("InvalidAllocationID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"eipalloc-...\")");

    public static Ec2Exception InvalidAllocationIdNotFound(string id) =>
        New("InvalidAllocationID.NotFound", Status400BadRequest, $"The allocation ID '{id}' does not exist");

    public static Ec2Exception InvalidAddressNotFound(string address) =>
        New("InvalidAddress.NotFound", Status400BadRequest, $"Address '{address}' not found.");

    public static Ec2Exception InvalidId(string id) =>
        New("InvalidID", Status400BadRequest, $"The ID '{id}' is not valid");

    public static Ec2Exception InvalidInstanceType(IReadOnlyList<string> types) =>
        New("InvalidInstanceType", Status400BadRequest, $"The following supplied instance types do not exist: [{string.Join(", ", types)}]");

    public static Ec2Exception InvalidPaginationToken() =>
        New("InvalidPaginationToken", Status400BadRequest, "The pagination token is invalid or has expired.");

    public static Ec2Exception TagLimitExceeded() =>
        New("TagLimitExceeded", Status400BadRequest, "The maximum number of Tags for a resource has been reached.");

    public static Ec2Exception IdempotentParameterMismatch() =>
        New("IdempotentParameterMismatch", Status400BadRequest,
            "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");

    // Security groups and VPCs
    public static Ec2Exception InvalidGroupNotFound(string group) =>
        New("InvalidGroup.NotFound", Status400BadRequest, $"The security group '{group}' does not exist");

    public static Ec2Exception InvalidGroupNotFoundInDefaultVpc(string name, string vpcId) =>
        New("InvalidGroup.NotFound", Status400BadRequest, $"The security group '{name}' does not exist in default VPC '{vpcId}'");

    public static Ec2Exception InvalidGroupDuplicate(string name, string vpcId) =>
        New("InvalidGroup.Duplicate", Status400BadRequest, $"The security group '{name}' already exists for VPC '{vpcId}'");

    public static Ec2Exception InvalidGroupReserved(string name) =>
        New("InvalidGroup.Reserved", Status400BadRequest, $"The security group '{name}' is reserved.");

    public static Ec2Exception CannotDelete(string id, string name) =>
        New("CannotDelete", Status400BadRequest, $"the specified group: \"{id}\" name: \"{name}\" cannot be deleted by a user");

    public static Ec2Exception InvalidPermissionDuplicate(string rule) =>
        New("InvalidPermission.Duplicate", Status400BadRequest, $"the specified rule \"{rule}\" already exists");

    public static Ec2Exception InvalidPermissionNotFound() =>
        New("InvalidPermission.NotFound", Status400BadRequest, "The specified rule does not exist in this security group.");

    public static Ec2Exception InvalidPermissionMalformed(string message) =>
        New("InvalidPermission.Malformed", Status400BadRequest, message);

    public static Ec2Exception InvalidSecurityGroupRuleIdNotFound(string id) =>
        New("InvalidSecurityGroupRuleId.NotFound", Status400BadRequest, $"The security group rule ID '{id}' does not exist");

    public static Ec2Exception InvalidSecurityGroupRuleIdMalformed(string id) =>
        New("InvalidSecurityGroupRuleId.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"sgr-...\")");

    public static Ec2Exception RulesPerSecurityGroupLimitExceeded() =>
        New("RulesPerSecurityGroupLimitExceeded", Status400BadRequest, "The maximum number of rules per security group has been reached.");

    // Limits and capacity
    public static Ec2Exception InstanceLimitExceeded(string message) =>
        New("InstanceLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception VcpuLimitExceeded(string message) =>
        New("VcpuLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception VolumeLimitExceeded(string message) =>
        New("VolumeLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception AddressLimitExceeded() =>
        New("AddressLimitExceeded", Status400BadRequest, "The maximum number of addresses has been reached.");

    /// <summary>No public address left in any pool: a server error (AWS lists it among them), which SDKs retry.</summary>
    public static Ec2Exception InsufficientAddressCapacity() =>
        New("InsufficientAddressCapacity", Status500InternalServerError, "There are not enough available addresses to satisfy your request.");

    /// <summary>A 500, so SDKs retry it (with the same ClientToken).</summary>
    public static Ec2Exception InsufficientInstanceCapacity(string message) =>
        New("InsufficientInstanceCapacity", Status500InternalServerError, message);

    /// <summary>EC2's throttling answer (503), which every SDK retries after a back-off.</summary>
    public static Ec2Exception RequestLimitExceeded() =>
        New("RequestLimitExceeded", Status503ServiceUnavailable, "Request limit exceeded.");

    /// <summary>A 503, which every SDK retries.</summary>
    public static Ec2Exception Unavailable(string message) =>
        New("Unavailable", Status503ServiceUnavailable, message);

    // Server side
    public static Ec2Exception InternalError() =>
        New("InternalError", Status500InternalServerError, "An internal error has occurred");

    /// <summary>A failure of the cluster, not of the request.</summary>
    public static Ec2Exception InternalError(string message) =>
        New("InternalError", Status500InternalServerError, message);

    private static Ec2Exception New(string code, int status, string message) => new(new Ec2Error(code, status, message));
}
