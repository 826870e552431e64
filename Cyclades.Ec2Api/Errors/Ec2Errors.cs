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

    public static Ec2Exception IncorrectInstanceState(string message) =>
        New("IncorrectInstanceState", Status400BadRequest, message);

    public static Ec2Exception InvalidInstanceAttributeValue(string message) =>
        New("InvalidInstanceAttributeValue", Status400BadRequest, message);

    public static Ec2Exception InvalidAmiIdMalformed(string id) =>
        New("InvalidAMIID.Malformed", Status400BadRequest, $"Invalid id: \"{id}\" (expecting \"ami-...\")");

    public static Ec2Exception InvalidAmiIdNotFound(string id) =>
        New("InvalidAMIID.NotFound", Status400BadRequest, $"The image id '[{id}]' does not exist");

    public static Ec2Exception InvalidKeyPairNotFound(string name) =>
        New("InvalidKeyPair.NotFound", Status400BadRequest, $"The key pair '{name}' does not exist");

    public static Ec2Exception InvalidKeyPairDuplicate(string name) =>
        New("InvalidKeyPair.Duplicate", Status400BadRequest, $"The keypair '{name}' already exists.");

    public static Ec2Exception InvalidKeyPairFormat() =>
        New("InvalidKeyPair.Format", Status400BadRequest, "Key is not in valid OpenSSH public key format");

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

    // Limits and capacity
    public static Ec2Exception InstanceLimitExceeded(string message) =>
        New("InstanceLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception VcpuLimitExceeded(string message) =>
        New("VcpuLimitExceeded", Status400BadRequest, message);

    public static Ec2Exception VolumeLimitExceeded(string message) =>
        New("VolumeLimitExceeded", Status400BadRequest, message);

    /// <summary>A 500, so SDKs retry it (with the same ClientToken).</summary>
    public static Ec2Exception InsufficientInstanceCapacity(string message) =>
        New("InsufficientInstanceCapacity", Status500InternalServerError, message);

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
