using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// Each user's default VPC and its subnets (the public networks, one per availability zone), read the
/// way Ansible's <c>ec2_instance</c> and Terraform's <c>aws_vpc</c> read them, through AWSSDK.EC2 and boto3.
/// </summary>
public sealed class DefaultVpcContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    /// <summary>The simulated backend's network (<c>BackendDefinition.DefaultSubnet</c>).</summary>
    private const string PublicCidr = "10.0.0.0/16";

    private async Task<Vpc> DefaultVpcAsync() =>
        (await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs.Single();

    [Test]
    public async Task Ansibles_isDefault_filter_finds_the_one_default_vpc_with_every_member_tools_index()
    {
        var boto3 = await Host.Boto3Async(TestUser.Alice, "describe_vpcs", new { Filters = new[] { new { Name = "isDefault", Values = new[] { "true" } } } });
        var sdk = await DefaultVpcAsync();

        var vpc = boto3.GetProperty("Vpcs").EnumerateArray().Single();
        Assert.That(vpc.GetProperty("VpcId").GetString(), Is.EqualTo(sdk.VpcId).And.Match("^vpc-[0-9a-f]{17}$"));
        Assert.That(vpc.GetProperty("IsDefault").GetBoolean(), Is.True);
        Assert.That(vpc.GetProperty("State").GetString(), Is.EqualTo("available"));
        Assert.That(vpc.GetProperty("CidrBlock").GetString(), Is.EqualTo(PublicCidr));
        Assert.That(vpc.GetProperty("InstanceTenancy").GetString(), Is.EqualTo("default"));
        Assert.That(vpc.GetProperty("DhcpOptionsId").GetString(), Does.StartWith("dopt-"));
        var association = vpc.GetProperty("CidrBlockAssociationSet").EnumerateArray().Single();
        Assert.That(association.GetProperty("CidrBlock").GetString(), Is.EqualTo(PublicCidr));
        Assert.That(association.GetProperty("CidrBlockState").GetProperty("State").GetString(), Is.EqualTo("associated"));
        Assert.That(association.GetProperty("AssociationId").GetString(), Does.StartWith("vpc-cidr-assoc-"));
        Assert.That(sdk.OwnerId, Does.Match("^[0-9]{12}$"));
    }

    [Test]
    public async Task Ansibles_default_subnet_lookup_finds_one_default_subnet_per_zone()
    {
        var vpc = await DefaultVpcAsync();
        var boto3 = await Host.Boto3Async(TestUser.Alice, "describe_subnets", new
        {
            Filters = new[]
            {
                new { Name = "vpc-id", Values = new[] { vpc.VpcId } },
                new { Name = "state", Values = new[] { "available" } },
                new { Name = "default-for-az", Values = new[] { "true" } },
            },
        });
        var zones = (await Alice.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones;

        var subnets = boto3.GetProperty("Subnets").EnumerateArray().ToList();
        Assert.That(subnets.Select(s => s.GetProperty("AvailabilityZone").GetString()), Is.EquivalentTo(zones.Select(z => z.ZoneName)));
        var subnet = subnets.First();
        var subnetId = subnet.GetProperty("SubnetId").GetString()!;
        Assert.That(subnetId, Does.Match("^subnet-[0-9a-f]{17}$"));
        Assert.That(subnet.GetProperty("VpcId").GetString(), Is.EqualTo(vpc.VpcId));
        Assert.That(subnet.GetProperty("CidrBlock").GetString(), Is.EqualTo(PublicCidr));
        Assert.That(subnet.GetProperty("DefaultForAz").GetBoolean(), Is.True);
        Assert.That(subnet.GetProperty("MapPublicIpOnLaunch").ValueKind, Is.EqualTo(JsonValueKind.True).Or.EqualTo(JsonValueKind.False));
        Assert.That(subnet.GetProperty("AssignIpv6AddressOnCreation").GetBoolean(), Is.False);
        Assert.That(subnet.GetProperty("Ipv6CidrBlockAssociationSet").GetArrayLength(), Is.Zero);
        Assert.That(subnet.GetProperty("SubnetArn").GetString(), Is.EqualTo($"arn:aws:ec2:cyclades-1:{vpc.OwnerId}:subnet/{subnetId}"));
        Assert.That(subnet.GetProperty("AvailableIpAddressCount").GetInt64(), Is.GreaterThan(60000).And.LessThanOrEqualTo(65533));
        Assert.That(subnet.GetProperty("AvailabilityZoneId").GetString(), Does.StartWith("cyclades-1-az"));
        Assert.That(subnet.GetProperty("PrivateDnsNameOptionsOnLaunch").GetProperty("HostnameType").GetString(), Is.EqualTo("ip-name"));
    }

    [Test]
    public async Task Filters_select_and_ids_intersect_with_them()
    {
        var vpc = await DefaultVpcAsync();
        var subnet = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.First();

        async Task<int> VpcsAsync(string name, string value) =>
            (await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter(name, [value])] })).Vpcs?.Count ?? 0;
        async Task<int> SubnetsAsync(string name, string value) =>
            (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId], Filters = [new Filter(name, [value])] })).Subnets?.Count ?? 0;

        Assert.That(await VpcsAsync("vpc-id", vpc.VpcId), Is.EqualTo(1));
        Assert.That(await VpcsAsync("cidr", PublicCidr), Is.EqualTo(1));
        Assert.That(await VpcsAsync("cidr-block-association.cidr-block", "10.0.*"), Is.EqualTo(1));
        Assert.That(await VpcsAsync("state", "pending"), Is.Zero);
        Assert.That(await VpcsAsync("isDefault", "false"), Is.Zero);
        Assert.That(await VpcsAsync("owner-id", vpc.OwnerId), Is.EqualTo(1));
        Assert.That(await SubnetsAsync("cidr-block", PublicCidr), Is.EqualTo(1));
        Assert.That(await SubnetsAsync("cidr-block", "10.1.0.0/16"), Is.Zero);
        Assert.That(await SubnetsAsync("availability-zone", subnet.AvailabilityZone), Is.EqualTo(1));
        Assert.That(await SubnetsAsync("defaultForAz", "true"), Is.EqualTo(1));
        Assert.That(await SubnetsAsync("vpc-id", "vpc-00000000000000000"), Is.Zero);
    }

    [Test]
    public async Task Vpc_attributes_classic_link_and_the_account_name_the_default_vpc()
    {
        var vpc = await DefaultVpcAsync();

        async Task<bool> AttributeAsync(string name)
        {
            var result = await Host.Boto3Async(TestUser.Alice, "describe_vpc_attribute", new { VpcId = vpc.VpcId, Attribute = name });
            Assert.That(result.GetProperty("VpcId").GetString(), Is.EqualTo(vpc.VpcId));
            return result.GetProperty(char.ToUpperInvariant(name[0]) + name[1..]).GetProperty("Value").GetBoolean();
        }
        var classicLink = await Alice.DescribeVpcClassicLinkAsync(new DescribeVpcClassicLinkRequest { VpcIds = [vpc.VpcId] });
        var account = (await Alice.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = ["default-vpc", "supported-platforms"] }))
            .AccountAttributes.ToDictionary(a => a.AttributeName, a => a.AttributeValues.Single().AttributeValue);

        Assert.That(await AttributeAsync("enableDnsSupport"), Is.True);
        Assert.That(await AttributeAsync("enableDnsHostnames"), Is.True);
        Assert.That(await AttributeAsync("enableNetworkAddressUsageMetrics"), Is.False);
        Assert.That(classicLink.Vpcs.Select(v => (v.VpcId, v.ClassicLinkEnabled)), Is.EqualTo(new[] { (vpc.VpcId, (bool?)false) }));
        Assert.That(account["default-vpc"], Is.EqualTo(vpc.VpcId));
        Assert.That(account["supported-platforms"], Is.EqualTo("VPC"));
    }

    [Test]
    public async Task Route_table_network_acl_and_internet_gateway_views_answer_terraforms_queries()
    {
        var vpc = await DefaultVpcAsync();
        var subnetIds = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId])] })).Subnets.Select(s => s.SubnetId);

        var table = (await Alice.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"]), new Filter("vpc-id", [vpc.VpcId])],
        })).RouteTables.Single();
        var acl = (await Alice.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("default", ["true"]), new Filter("vpc-id", [vpc.VpcId])],
        })).NetworkAcls.Single();
        var gateway = (await Alice.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new Filter("attachment.vpc-id", [vpc.VpcId])],
        })).InternetGateways.Single();

        Assert.That(table.RouteTableId, Does.StartWith("rtb-"));
        Assert.That(table.Associations.Single().Main, Is.True);
        Assert.That(table.Associations.Single().RouteTableAssociationId, Does.StartWith("rtbassoc-"));
        Assert.That(table.Routes.Select(r => (r.DestinationCidrBlock, r.GatewayId)),
            Is.EqualTo(new[] { (vpc.CidrBlock, "local"), ("0.0.0.0/0", gateway.InternetGatewayId) }));
        Assert.That((acl.NetworkAclId, acl.IsDefault, acl.VpcId), Is.EqualTo(("acl-" + vpc.VpcId[4..], (bool?)true, vpc.VpcId)));
        Assert.That(acl.Associations.Select(a => a.SubnetId), Is.EquivalentTo(subnetIds));
        Assert.That(acl.Entries.Where(e => e.RuleAction == RuleAction.Allow).Select(e => e.Egress), Is.EquivalentTo(new bool?[] { true, false }));
        Assert.That(gateway.Attachments.Select(a => (a.VpcId, a.State.Value)), Is.EqualTo(new[] { (vpc.VpcId, "available") }));
    }

    [Test]
    public async Task Unknown_and_malformed_ids_and_filters_fail_with_awss_codes_and_dry_runs_are_checked()
    {
        var unknownVpc = await FailsAsync(() => Alice.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0000000000000dead"] }));
        var malformedVpc = await FailsAsync(() => Alice.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-XYZ"] }));
        var unknownSubnet = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_subnets", new { SubnetIds = new[] { "subnet-0000000000000dead" } });
        var attributeOfUnknown = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_vpc_attribute", new { VpcId = "vpc-0000000000000dead", Attribute = "enableDnsSupport" });
        var badAttribute = await FailsAsync(() => Alice.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = "vpc-0000000000000dead", Attribute = "colour" }));
        var unknownFilter = await FailsAsync(() => Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("colour", ["red"])] }));
        var unknownTable = await FailsAsync(() => Alice.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = ["rtb-0000000000000dead"] }));
        var unknownTableFilter = await FailsAsync(() => Alice.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("colour", ["red"])] }));
        var dryRun = await FailsAsync(() => Alice.DescribeVpcsAsync(new DescribeVpcsRequest { DryRun = true }));

        Assert.That((unknownVpc.ErrorCode, unknownVpc.Message), Is.EqualTo(("InvalidVpcID.NotFound", "The vpc ID 'vpc-0000000000000dead' does not exist")));
        Assert.That(malformedVpc.ErrorCode, Is.EqualTo("InvalidVpcID.Malformed"));
        Assert.That((unknownSubnet.Code, unknownSubnet.Status, unknownSubnet.Message),
            Is.EqualTo(("InvalidSubnetID.NotFound", 400, "The subnet ID 'subnet-0000000000000dead' does not exist")));
        Assert.That(attributeOfUnknown.Code, Is.EqualTo("InvalidVpcID.NotFound"));
        Assert.That(badAttribute.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(unknownFilter.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(unknownTable.ErrorCode, Is.EqualTo("InvalidRouteTableID.NotFound"));
        Assert.That(unknownTableFilter.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(dryRun.ErrorCode, Is.EqualTo("DryRunOperation"));
    }

    [Test]
    public async Task Each_user_has_his_own_default_vpc_and_tags_on_it()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        var alices = await DefaultVpcAsync();
        var bobs = (await bob.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs.Single(v => v.IsDefault == true);
        var subnet = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets.First();
        var name = "net-" + Guid.NewGuid().ToString("N")[..8];

        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [alices.VpcId, subnet.SubnetId], Tags = [new Tag("Name", name)] });
        var byTag = await Alice.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", [name])] });
        var subnetByTag = await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("tag:Name", [name])] });
        var described = await Alice.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [alices.VpcId, subnet.SubnetId])] });
        var bobsView = await bob.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] });
        var alicesViewOfBobs = await FailsAsync(() => Alice.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [bobs.VpcId] }));
        var tagBobs = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [bobs.VpcId], Tags = [new Tag("k", "v")] }));

        Assert.That(bobs.VpcId, Is.Not.EqualTo(alices.VpcId));
        Assert.That(byTag.Vpcs.Single().VpcId, Is.EqualTo(alices.VpcId));
        Assert.That(byTag.Vpcs.Single().Tags.Single().Value, Is.EqualTo(name));
        Assert.That(subnetByTag.Subnets.Single().SubnetId, Is.EqualTo(subnet.SubnetId));
        Assert.That(described.Tags.Select(t => (t.ResourceId, t.ResourceType.Value)),
            Is.EquivalentTo(new[] { (alices.VpcId, "vpc"), (subnet.SubnetId, "subnet") }));
        Assert.That(bobsView.Subnets.Single().VpcId, Is.EqualTo(bobs.VpcId), "a public subnet is in each user's own default VPC");
        Assert.That(bobsView.Subnets.Single().Tags ?? [], Is.Empty, "tags are the tagger's");
        Assert.That(alicesViewOfBobs.ErrorCode, Is.EqualTo("InvalidVpcID.NotFound"));
        Assert.That(tagBobs.ErrorCode, Is.EqualTo("InvalidVpcID.NotFound"));
    }
}
