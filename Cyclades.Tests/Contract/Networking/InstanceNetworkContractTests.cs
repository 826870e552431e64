using System.Text.Json;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// Instances in their VPC and subnet: launched as the AWS CLI, Ansible and the SDKs send the network
/// (top-level SubnetId, or <c>NetworkInterface.1</c> with or without one), shown with their network
/// interfaces, and found again by the network filters.
/// </summary>
public sealed class InstanceNetworkContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private Vpc _vpc = null!;
    private Subnet _subnet = null!;

    [OneTimeSetUp]
    public async Task FindTheDefaultSubnet()
    {
        _vpc = (await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("isDefault", ["true"])] })).Vpcs.Single();
        _subnet = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [_vpc.VpcId])] })).Subnets.First();
    }

    [Test]
    public async Task A_plain_launch_is_in_the_default_subnet_with_one_primary_interface()
    {
        var launched = (await Alice.RunAsync()).Instances.Single();
        var instance = await Alice.DescribeOneAsync(launched.InstanceId);

        foreach (var shown in new[] { launched, instance })
        {
            Assert.That((shown.VpcId, shown.SubnetId), Is.EqualTo((_vpc.VpcId, _subnet.SubnetId)));
            var eni = shown.NetworkInterfaces.Single();
            Assert.That(eni.NetworkInterfaceId, Does.Match("^eni-[0-9a-f]{17}$"));
            Assert.That((eni.SubnetId, eni.VpcId, eni.OwnerId, eni.Status.Value), Is.EqualTo((_subnet.SubnetId, _vpc.VpcId, _vpc.OwnerId, "in-use")));
            Assert.That((eni.Attachment.DeviceIndex, eni.Attachment.Status.Value, eni.Attachment.DeleteOnTermination), Is.EqualTo((0, "attached", true)));
            Assert.That(eni.Attachment.AttachmentId, Does.StartWith("eni-attach-"));
            Assert.That(eni.PrivateIpAddress, Is.EqualTo(shown.PrivateIpAddress).And.Not.Null);
            Assert.That(eni.PrivateIpAddresses.Single().Primary, Is.True);
            Assert.That(eni.PrivateDnsName, Is.EqualTo(shown.PrivateDnsName));
            Assert.That(eni.SourceDestCheck, Is.EqualTo(shown.SourceDestCheck).And.True);
        }
    }

    [Test]
    public async Task The_network_filters_find_the_instance_and_no_other_subnets()
    {
        var instance = await Alice.DescribeOneAsync((await Alice.RunAsync()).Instances.Single().InstanceId);
        var eni = instance.NetworkInterfaces.Single();

        async Task<IReadOnlyList<string>> FoundAsync(string name, string value) =>
            (await Alice.ListAsync(new Filter(name, [value]))).Select(i => i.InstanceId).ToList();

        Assert.That(await FoundAsync("subnet-id", _subnet.SubnetId), Does.Contain(instance.InstanceId));
        Assert.That(await FoundAsync("vpc-id", _vpc.VpcId), Does.Contain(instance.InstanceId));
        Assert.That(await FoundAsync("network-interface.network-interface-id", eni.NetworkInterfaceId), Is.EqualTo(new[] { instance.InstanceId }));
        Assert.That(await FoundAsync("network-interface.addresses.private-ip-address", eni.PrivateIpAddress), Is.EqualTo(new[] { instance.InstanceId }));
        Assert.That(await FoundAsync("network-interface.attachment.device-index", "0"), Does.Contain(instance.InstanceId));
        Assert.That(await FoundAsync("network-interface.subnet-id", _subnet.SubnetId), Does.Contain(instance.InstanceId));
        Assert.That(await FoundAsync("subnet-id", "subnet-0000000000000dead"), Is.Empty);
        Assert.That(await FoundAsync("vpc-id", "vpc-0000000000000dead"), Is.Empty);
    }

    [Test]
    public async Task The_subnet_and_interface_id_filters_choose_the_page_in_the_database()
    {
        var vpc = (await Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.62.0.0/16" })).Vpc;
        var subnet = (await Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.62.1.0/24" })).Subnet;
        await Alice.RunAsync(count: 6);
        var inPrivate = (await Alice.RunAsync(configure: r => r.SubnetId = subnet.SubnetId)).Instances.Single();
        var eni = inPrivate.NetworkInterfaces.Single();

        foreach (var (name, value) in new[]
        {
            ("subnet-id", subnet.SubnetId),
            ("network-interface.subnet-id", subnet.SubnetId),
            ("network-interface.network-interface-id", eni.NetworkInterfaceId),
            ("network-interface.attachment.attachment-id", eni.Attachment.AttachmentId),
        })
        {
            var page = await Alice.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter(name, [value])], MaxResults = 5 });
            Assert.That(page.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId), Is.EqualTo(new[] { inPrivate.InstanceId }), name);
            Assert.That(page.NextToken, Is.Null, $"{name}: six older instances elsewhere do not fill the first page with nothing");
        }
        var both = await Alice.ListAsync(new Filter("network-interface.network-interface-id", [eni.NetworkInterfaceId]),
            new Filter("network-interface.attachment.attachment-id", ["eni-attach-0000000000000dead"]));
        Assert.That(both, Is.Empty, "two interface filters both hold");
    }

    [Test]
    public async Task NetworkInterface_1_without_a_subnet_falls_back_to_the_default_subnet()
    {
        var reservation = await Alice.RunAsync(configure: r => r.NetworkInterfaces =
            [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, AssociatePublicIpAddress = false, DeleteOnTermination = true }]);

        Assert.That(reservation.Instances.Single().SubnetId, Is.EqualTo(_subnet.SubnetId));
    }

    [Test]
    public async Task Ansibles_launch_names_the_subnet_in_NetworkInterface_1()
    {
        var result = await Host.Boto3Async(TestUser.Alice, "run_instances", new
        {
            ImageId = ComputeHost.Image,
            InstanceType = ComputeHost.Type,
            MinCount = 1,
            MaxCount = 1,
            ClientToken = Guid.NewGuid().ToString("N"),
            NetworkInterfaces = new[] { new { DeviceIndex = 0, SubnetId = _subnet.SubnetId, DeleteOnTermination = true } },
        });

        var instance = result.GetProperty("Instances").EnumerateArray().Single();
        Assert.That(instance.GetProperty("SubnetId").GetString(), Is.EqualTo(_subnet.SubnetId));
        Assert.That(instance.GetProperty("VpcId").GetString(), Is.EqualTo(_vpc.VpcId));
        Assert.That(instance.GetProperty("NetworkInterfaces")[0].GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32(), Is.Zero);
        Assert.That(instance.GetProperty("SourceDestCheck").ValueKind, Is.EqualTo(JsonValueKind.True));
    }

    [Test]
    public async Task A_launched_interface_takes_its_description_and_outlives_its_instance_when_not_deleted_on_termination()
    {
        var kept = (await Alice.RunAsync(configure: r => r.NetworkInterfaces =
            [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = _subnet.SubnetId, Description = "web nic", DeleteOnTermination = false }]))
            .Instances.Single();
        var plain = (await Alice.RunAsync()).Instances.Single();
        var keptEni = kept.NetworkInterfaces.Single();
        var plainEni = plain.NetworkInterfaces.Single();

        Assert.That((keptEni.Description, keptEni.Attachment.DeleteOnTermination), Is.EqualTo(("web nic", false)));
        Assert.That((plainEni.Description, plainEni.Attachment.DeleteOnTermination), Is.EqualTo(("", true)));

        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [kept.InstanceId, plain.InstanceId] });
        await Alice.WaitForAsync("terminated", kept.InstanceId, plain.InstanceId);
        var left = (await Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("network-interface-id", [keptEni.NetworkInterfaceId, plainEni.NetworkInterfaceId])],
        })).NetworkInterfaces;

        Assert.That(left.Select(n => (n.NetworkInterfaceId, n.Status.Value, n.PrivateIpAddress, n.Description)),
            Is.EqualTo(new[] { (keptEni.NetworkInterfaceId, "available", keptEni.PrivateIpAddress, "web nic") }), "only the kept interface is left, detached, with its address");
        await Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = keptEni.NetworkInterfaceId });
    }

    [Test]
    public async Task A_top_level_subnet_id_launches_there_and_an_unknown_one_is_not_found()
    {
        var there = await Alice.RunAsync(configure: r => r.SubnetId = _subnet.SubnetId);
        var unknown = await FailsAsync(() => Alice.RunAsync(configure: r => r.SubnetId = "subnet-0000000000000dead"));
        var malformed = await FailsAsync(() => Alice.RunAsync(configure: r => r.NetworkInterfaces =
            [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = "example" }]));

        Assert.That(there.Instances.Single().SubnetId, Is.EqualTo(_subnet.SubnetId));
        Assert.That((unknown.ErrorCode, unknown.Message), Is.EqualTo(("InvalidSubnetID.NotFound", "The subnet ID 'subnet-0000000000000dead' does not exist")));
        Assert.That(malformed.ErrorCode, Is.EqualTo("InvalidSubnetID.NotFound"));
    }

    [Test]
    public async Task Aws_cli_v2_with_associate_public_ip_address_launches_into_the_default_subnet()
    {
        var result = await AwsCli.V2.RunAsync(Host.Endpoint, TestUser.Alice, "ec2", "run-instances", "--image-id", ComputeHost.Image,
            "--instance-type", ComputeHost.Type, "--count", "1", "--no-associate-public-ip-address");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var instance = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("Instances")[0];
        Assert.That(instance.GetProperty("SubnetId").GetString(), Is.EqualTo(_subnet.SubnetId));
    }
}
