using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// A user's own VPCs and subnets (private networks): created, changed and deleted as Ansible's
/// <c>ec2_vpc_net</c> / <c>ec2_vpc_subnet</c> and Terraform's <c>aws_vpc</c> / <c>aws_subnet</c> do it, with AWS's errors.
/// </summary>
[NonParallelizable]
public sealed class PrivateVpcContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private static TagSpecification Named(string type, string name) =>
        new() { ResourceType = type, Tags = [new Tag("Name", name)] };

    [Test]
    public async Task A_vpc_and_its_subnet_live_and_die_as_on_aws()
    {
        var vpc = (await Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16", TagSpecifications = [Named("vpc", "lab")] })).Vpc;
        var subnet = (await Alice.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc.VpcId, CidrBlock = "10.20.1.7/24", TagSpecifications = [Named("subnet", "lab-a")],
        })).Subnet;
        var inUse = await FailsAsync(() => Alice.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }));
        var byTag = (await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", ["lab"]), new Filter("cidr-block", ["10.20.0.0/16"])] })).Vpcs;

        Assert.That((vpc.State.Value, vpc.IsDefault, vpc.CidrBlock, vpc.CidrBlockAssociationSet.Single().CidrBlockState.State.Value),
            Is.EqualTo(("available", (bool?)false, "10.20.0.0/16", "associated")));
        Assert.That(vpc.Tags.Single().Value, Is.EqualTo("lab"));
        Assert.That(byTag.Single().VpcId, Is.EqualTo(vpc.VpcId));
        Assert.That((subnet.VpcId, subnet.CidrBlock, subnet.DefaultForAz, subnet.MapPublicIpOnLaunch, subnet.AvailableIpAddressCount),
            Is.EqualTo((vpc.VpcId, "10.20.1.0/24", (bool?)false, (bool?)false, (int?)253)), "host bits are cleared; three addresses are not handed out");
        Assert.That(subnet.Tags.Single().Value, Is.EqualTo("lab-a"));
        Assert.That((inUse.ErrorCode, inUse.Message), Is.EqualTo(("DependencyViolation", $"The vpc '{vpc.VpcId}' has dependencies and cannot be deleted.")));

        await Alice.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId });
        var goneSubnet = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_subnets", new { SubnetIds = new[] { subnet.SubnetId } });
        await Alice.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId });
        var goneVpc = await FailsAsync(() => Alice.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }));
        var deletedAgain = await FailsAsync(() => Alice.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }));

        Assert.That(goneSubnet.Code, Is.EqualTo("InvalidSubnetID.NotFound"), "Ansible's subnet_deleted waiter needs exactly this");
        Assert.That((goneVpc.ErrorCode, deletedAgain.ErrorCode), Is.EqualTo(("InvalidVpcID.NotFound", "InvalidVpcID.NotFound")));
    }

    [Test]
    public async Task Vpc_and_subnet_attributes_change_one_at_a_time()
    {
        var vpc = (await Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.30.0.0/16" })).Vpc;
        var subnet = (await Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.30.0.0/20" })).Subnet;

        async Task<bool> HostnamesAsync() =>
            (await Alice.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = "enableDnsHostnames" })).EnableDnsHostnames ?? false;
        var before = await HostnamesAsync();
        await Host.Boto3Async(TestUser.Alice, "modify_vpc_attribute", new { VpcId = vpc.VpcId, EnableDnsHostnames = new { Value = true } });
        var after = await HostnamesAsync();
        var both = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_vpc_attribute",
            new { VpcId = vpc.VpcId, EnableDnsHostnames = new { Value = true }, EnableDnsSupport = new { Value = true } });
        var metrics = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_vpc_attribute", new { VpcId = vpc.VpcId, EnableNetworkAddressUsageMetrics = new { Value = true } });
        await Alice.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, MapPublicIpOnLaunch = true });
        var mapped = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets.Single();
        await Alice.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, AssignIpv6AddressOnCreation = false });
        var ipv6 = await FailsAsync(() => Alice.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, AssignIpv6AddressOnCreation = true }));
        var unknown = await FailsAsync(() => Alice.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = "subnet-0000000000000dead", MapPublicIpOnLaunch = true }));

        Assert.That((before, after), Is.EqualTo((false, true)), "a new VPC has DNS host names off, as on AWS");
        Assert.That(both.Code, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(metrics.Code, Is.EqualTo("UnsupportedOperation"));
        Assert.That(mapped.MapPublicIpOnLaunch, Is.True);
        Assert.That(ipv6.ErrorCode, Is.EqualTo("UnsupportedOperation"));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidSubnetID.NotFound"));
    }

    [Test]
    public async Task Bad_ranges_are_awss_range_and_conflict_errors()
    {
        var vpc = (await Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.40.0.0/16" })).Vpc;
        await Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.40.0.0/24" });
        var defaultVpc = (await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("isDefault", ["true"])] })).Vpcs.Single();

        var wide = await FailsAsync(() => Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/8" }));
        var notACidr = await FailsAsync(() => Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0" }));
        var overlap = await FailsAsync(() => Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.40.0.128/25" }));
        var outside = await FailsAsync(() => Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.41.0.0/24" }));
        var tiny = await FailsAsync(() => Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.40.9.0/29" }));
        var zone = await FailsAsync(() => Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.40.8.0/24", AvailabilityZone = "mars-1a" }));
        var inDefault = await FailsAsync(() => Alice.CreateSubnetAsync(new CreateSubnetRequest { VpcId = defaultVpc.VpcId, CidrBlock = "10.0.200.0/24" }));
        var deleteDefault = await FailsAsync(() => Alice.DeleteVpcAsync(new DeleteVpcRequest { VpcId = defaultVpc.VpcId }));
        var dryRun = await FailsAsync(() => Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.50.0.0/16", DryRun = true }));

        Assert.That((wide.ErrorCode, wide.Message), Is.EqualTo(("InvalidVpc.Range", "The CIDR '10.0.0.0/8' is invalid.")));
        Assert.That(notACidr.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That((overlap.ErrorCode, overlap.Message), Is.EqualTo(("InvalidSubnet.Conflict", "The CIDR '10.40.0.128/25' conflicts with another subnet")));
        Assert.That((outside.ErrorCode, tiny.ErrorCode), Is.EqualTo(("InvalidSubnet.Range", "InvalidSubnet.Range")));
        Assert.That(zone.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That((inDefault.ErrorCode, deleteDefault.ErrorCode), Is.EqualTo(("OperationNotPermitted", "OperationNotPermitted")));
        Assert.That(dryRun.ErrorCode, Is.EqualTo("DryRunOperation"));
        Assert.That((await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("cidr", ["10.50.0.0/16"])] })).Vpcs ?? [], Is.Empty);
    }

    [Test]
    public async Task Vpcs_page_and_the_private_network_quota_is_vpc_limit_exceeded()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        var quotas = Host.Services.GetRequiredService<QuotaService>();
        var userId = await Host.LogicUserIdAsync(TestUser.Bob);
        await quotas.SetLimitAsync(userId, QuotaResource.NetworkPrivate, 5, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await bob.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{60 + i}.0.0/16" });
        }
        var limit = await FailsAsync(() => bob.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.70.0.0/16" }));
        var first = await bob.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = 5 });
        var second = await bob.DescribeVpcsAsync(new DescribeVpcsRequest { MaxResults = 5, NextToken = first.NextToken });
        var alicesView = await FailsAsync(() => Alice.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [first.Vpcs[1].VpcId] }));
        var alicesDelete = await FailsAsync(() => Alice.DeleteVpcAsync(new DeleteVpcRequest { VpcId = first.Vpcs[1].VpcId }));

        Assert.That(limit.ErrorCode, Is.EqualTo("VpcLimitExceeded"));
        Assert.That((first.Vpcs.Count, second.Vpcs.Count, second.NextToken), Is.EqualTo((5, 1, (string?)null)));
        Assert.That(first.Vpcs.Concat(second.Vpcs).Select(v => v.VpcId).Distinct().Count(), Is.EqualTo(6));
        Assert.That((alicesView.ErrorCode, alicesDelete.ErrorCode), Is.EqualTo(("InvalidVpcID.NotFound", "InvalidVpcID.NotFound")));
    }
}
