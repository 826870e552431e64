using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Servers;

namespace Cyclades.Tests.Ec2Api.Actions;

[Category("Unit")]
public sealed class DomainErrorMapTests
{
    private const string Id = "i-0000000000000002a";

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(DomainException e, string? action, string code, int status, string message) =>
            new TestCaseData(e, action, code, status, message).SetName($"{e.GetType().Name} in {action ?? "any action"} is {code}: {message}");
        yield return Case(new ServerNotFoundException([42, 43]), "StartInstances", "InvalidInstanceID.NotFound", 400,
            $"The instance IDs '{Id}, i-0000000000000002b' do not exist");
        yield return Case(new ServerBuildingException(42), "StopInstances", "IncorrectInstanceState", 400,
            $"Instance '{Id}' cannot be stopped as it has never reached the 'running' state.");
        yield return Case(new InvalidServerStateException(42, ServerAction.Start, OperState.Error), "StartInstances", "IncorrectInstanceState", 400,
            $"The instance '{Id}' is not in a state from which it can be started.");
        yield return Case(new ServerDeletedException(42), "StartInstances", "IncorrectInstanceState", 400,
            $"The instance '{Id}' is not in a state from which it can be started.");
        yield return Case(new PendingTaskException(42, ServerAction.Reboot, ServerAction.Stop), "RebootInstances", "IncorrectInstanceState", 400,
            $"The instance '{Id}' is not in a state from which it can be rebooted. Its STOPPING task is pending.");
        yield return Case(new ServerBuildingException(42), "TerminateInstances", "IncorrectInstanceState", 400,
            $"The instance '{Id}' is not in a state from which it can be terminated. Its BUILDING task is pending.");
        yield return Case(new InvalidServerStateException(42, ServerAction.Resize, OperState.Started), "ModifyInstanceAttribute", "IncorrectInstanceState", 400,
            $"The instance '{Id}' is not in the 'stopped' state.");
        yield return Case(new QuotaExceededException(QuotaResource.Vm, 5, 5, 2), "RunInstances", "InstanceLimitExceeded", 400,
            "Your quota allows for 0 more running instance(s). You requested at least 2");
        yield return Case(new QuotaExceededException(QuotaResource.Cpu, 8, 7, 2), "StartInstances", "VcpuLimitExceeded", 400,
            "You have requested more vCPU capacity than your current vCPU limit of 8 (cyclades.cpu) allows: 7 in use, 2 requested.");
        yield return Case(new QuotaExceededException(QuotaResource.Ram, 2L << 30, 1L << 30, 2L << 30), "StartInstances", "InstanceLimitExceeded", 400,
            "You have requested more memory than your current limit of 2048 MiB (cyclades.ram) allows: 1024 MiB in use, 2048 MiB requested.");
        yield return Case(new QuotaExceededException(QuotaResource.Disk, 10L << 30, 10L << 30, 1L << 30), "RunInstances", "VolumeLimitExceeded", 400,
            "You have exceeded your maximum storage limit of 10 GiB (cyclades.disk): 10 GiB in use, 1 GiB requested.");
        yield return Case(new NoBackendAvailableException("all drained."), "RunInstances", "InsufficientInstanceCapacity", 500,
            "We currently do not have sufficient capacity in the Availability Zone you requested: all drained.");
        yield return Case(new BackendUnavailableException("zone-a", "timeout"), "StopInstances", "Unavailable", 503,
            "The availability zone 'zone-a' is unavailable at the moment; try again.");
        yield return Case(new BackendRejectedException("zone-a", "HTTP 403: Forbidden"), "RunInstances", "UnsupportedOperation", 400,
            "The availability zone 'zone-a' refused this request; trying again will not help. Please contact the cloud's operator.");
        yield return Case(new IdempotencyMismatchException("t"), "RunInstances", "IdempotentParameterMismatch", 400,
            "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
        yield return Case(new FlavorNotFoundException("x1"), "ModifyInstanceAttribute", "InvalidParameterValue", 400, "Invalid value 'x1' for InstanceType.");
        yield return Case(new ImageNotFoundException(0x99999999), "RunInstances", "InvalidAMIID.NotFound", 400, "The image id '[ami-99999999]' does not exist");
        yield return Case(new InvalidResizeException(42, ResizeProblem.VolumeType, "m1"), "ModifyInstanceAttribute", "InvalidInstanceAttributeValue", 400,
            $"Modifying the instance type of '{Id}' to m1 is not allowed: it does not support the instance's volume type.");
        yield return Case(new InvalidVolumeRequestException(VolumeProblem.SmallerThanImage, "too small"), "RunInstances", "InvalidBlockDeviceMapping", 400, "too small");
        yield return Case(new BackendNotFoundException("mars"), "RunInstances", "InvalidParameterValue", 400, "Invalid availability zone: [mars]");
        yield return Case(new KeyPairExistsException("k"), "CreateKeyPair", "InvalidKeyPair.Duplicate", 400, "The keypair 'k' already exists.");
        yield return Case(new KeyPairNotFoundException("k"), "RunInstances", "InvalidKeyPair.NotFound", 400, "The key pair 'k' does not exist");
        yield return Case(new InvalidPublicKeyException("x"), "ImportKeyPair", "InvalidKeyPair.Format", 400, "Key is not in valid OpenSSH public key format");
    }

    [TestCaseSource(nameof(Cases))]
    public void Domain_errors_become_ec2_errors(DomainException exception, string? action, string code, int status, string message) =>
        Assert.That(DomainErrorMap.Map(exception, action)!.Error, Is.EqualTo(new Ec2Error(code, status, message)));

    [Test]
    public void A_domain_error_not_in_the_table_stays_an_internal_error() =>
        Assert.That(DomainErrorMap.Map(new NoMatchingFlavorException(1, 1, 1, "file"), "StartInstances"), Is.Null);
}
