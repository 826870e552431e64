using System.Net;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>RunInstances' network members: AWS's combination rules (reference §4.3), through AWSSDK.EC2 and boto3.</summary>
public sealed class LaunchNetworkContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private const string Combination = "InvalidParameterCombination";

    private static InstanceNetworkInterfaceSpecification Eni(int? index = 0, Action<InstanceNetworkInterfaceSpecification>? change = null)
    {
        var eni = new InstanceNetworkInterfaceSpecification { DeviceIndex = index };
        change?.Invoke(eni);
        return eni;
    }

    private static IEnumerable<TestCaseData> InvalidCombinations()
    {
        TestCaseData Case(string name, string code, string message, Action<RunInstancesRequest> change) =>
            new TestCaseData(change, code, message).SetName($"RunInstances network: {name} is {code}");
        yield return Case("SubnetId with NetworkInterface", Combination,
            "Network interfaces and an instance-level subnet ID may not be specified on the same request",
            r => { r.SubnetId = "subnet-0123456789abcdef0"; r.NetworkInterfaces = [Eni()]; });
        yield return Case("PrivateIpAddress with NetworkInterface", Combination,
            "Network interfaces and an instance-level private IP address may not be specified on the same request",
            r => { r.PrivateIpAddress = "10.0.0.9"; r.NetworkInterfaces = [Eni()]; });
        yield return Case("SecurityGroupId with NetworkInterface", Combination,
            "Network interfaces and an instance-level security groups may not be specified on the same request",
            r => { r.SecurityGroupIds = ["sg-0123456789abcdef0"]; r.NetworkInterfaces = [Eni()]; });
        yield return Case("SecurityGroup names with NetworkInterface", Combination,
            "Network interfaces and an instance-level security groups may not be specified on the same request",
            r => { r.SecurityGroups = ["default"]; r.NetworkInterfaces = [Eni()]; });
        yield return Case("an interface without a device index", "InvalidParameterValue", "Each network interface requires a device index.",
            r => r.NetworkInterfaces = [Eni(null, e => e.Description = "x")]);
        yield return Case("two interfaces at one index", "InvalidParameterValue", "Each network interface requires a unique device index.",
            r => r.NetworkInterfaces = [Eni(), Eni()]);
        yield return Case("an interface id with a subnet", Combination, "A network interface may not specify both a network interface ID and a subnet",
            r => r.NetworkInterfaces = [Eni(0, e => { e.NetworkInterfaceId = "eni-0123456789abcdef0"; e.SubnetId = "subnet-0123456789abcdef0"; })]);
        yield return Case("an interface id with delete on termination", Combination,
            "A network interface may not specify both a network interface ID and delete on termination as true",
            r => r.NetworkInterfaces = [Eni(0, e => { e.NetworkInterfaceId = "eni-0123456789abcdef0"; e.DeleteOnTermination = true; })]);
        yield return Case("a public address on device 1", Combination, "can only be specified for the network interface with DeviceIndex 0",
            r => r.NetworkInterfaces = [Eni(0), Eni(1, e => e.AssociatePublicIpAddress = true)]);
        yield return Case("a fixed address for two instances", Combination,
            "Multiple instances creation is not compatible with private IP address or network interface ID parameters.",
            r => { r.MaxCount = 2; r.NetworkInterfaces = [Eni(0, e => e.PrivateIpAddress = "10.0.0.9")]; });
        yield return Case("a malformed interface address", "InvalidParameterValue", "for parameter privateIpAddress is invalid",
            r => r.NetworkInterfaces = [Eni(0, e => e.PrivateIpAddress = "10.0.0")]);
        yield return Case("interfaces without index 0", "UnsupportedOperation", "you must include a device at index 0",
            r => r.NetworkInterfaces = [Eni(1)]);
        yield return Case("two interfaces", "UnsupportedOperation", "one network interface at launch",
            r => r.NetworkInterfaces = [Eni(0), Eni(1)]);
        yield return Case("an existing interface", "UnsupportedOperation", "existing network interface",
            r => r.NetworkInterfaces = [Eni(0, e => e.NetworkInterfaceId = "eni-0123456789abcdef0")]);
        yield return Case("secondary addresses", "UnsupportedOperation", "Secondary private IP addresses",
            r => r.NetworkInterfaces = [Eni(0, e => e.SecondaryPrivateIpAddressCount = 2)]);
        yield return Case("a malformed security group id", "InvalidGroupId.Malformed", "Invalid id: \"web\" (expecting \"sg-...\")",
            r => r.SecurityGroupIds = ["web"]);
        yield return Case("a malformed security group id on the interface", "InvalidGroupId.Malformed", "(expecting \"sg-...\")",
            r => r.NetworkInterfaces = [Eni(0, e => e.Groups = ["sg-XYZ"])]);
    }

    [TestCaseSource(nameof(InvalidCombinations))]
    public async Task Invalid_network_members_fail_with_the_aws_error_and_create_nothing(Action<RunInstancesRequest> change, string code, string message)
    {
        var before = (await Alice.ListAsync()).Count;

        var error = await FailsAsync(() => Alice.RunAsync(configure: change));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain(message));
        Assert.That((await Alice.ListAsync()).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task Boto3_sees_the_same_combination_error()
    {
        var error = await Host.Boto3ErrorAsync(TestUser.Alice, "run_instances", new
        {
            ImageId = ComputeHost.Image,
            InstanceType = ComputeHost.Type,
            MinCount = 1,
            MaxCount = 1,
            SubnetId = "subnet-0123456789abcdef0",
            NetworkInterfaces = new[] { new { DeviceIndex = 0, AssociatePublicIpAddress = true } },
        });

        Assert.That((error.Code, error.Status), Is.EqualTo((Combination, 400)));
        Assert.That(error.Message, Is.EqualTo("Network interfaces and an instance-level subnet ID may not be specified on the same request"));
    }
}
