using System.Net;
using System.Text.Json;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;
using Filter = Amazon.EC2.Model.Filter;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// Network interfaces (the core's ports) through AWSSDK.EC2 and boto3: made on their own in a subnet,
/// found by the filters Terraform and Ansible send, changed one attribute at a time, deleted only while
/// detached, and invisible to another user.
/// </summary>
public sealed class NetworkInterfacesContractTests(DatabaseProvider provider) : VpcFixture(provider, "10.40")
{
    private async Task<NetworkInterface> CreateAsync(string subnetId, Action<CreateNetworkInterfaceRequest>? configure = null)
    {
        var request = new CreateNetworkInterfaceRequest { SubnetId = subnetId };
        configure?.Invoke(request);
        return (await Alice.CreateNetworkInterfaceAsync(request)).NetworkInterface;
    }

    private async Task<NetworkInterface> DescribeOneAsync(string id) =>
        (await Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] })).NetworkInterfaces.Single();

    private async Task<IReadOnlyList<string>> FoundAsync(params Filter[] filters) =>
        ((await Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [.. filters] })).NetworkInterfaces ?? [])
            .Select(n => n.NetworkInterfaceId).ToList();

    [Test]
    public async Task A_new_interface_is_available_in_its_subnet_with_its_address_groups_description_and_tags()
    {
        var subnet = await NewSubnetAsync();
        var group = (await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "eni-web", Description = "web", VpcId = Vpc.VpcId,
        })).GroupId;
        var address = subnet.CidrBlock.Replace("0/24", "50", StringComparison.Ordinal);

        var created = await CreateAsync(subnet.SubnetId, r =>
        {
            r.Description = "backend";
            r.PrivateIpAddress = address;
            r.Groups = [group];
            r.TagSpecifications = [new TagSpecification { ResourceType = "network-interface", Tags = [new Tag("Name", "eni-backend")] }];
        });
        var described = await DescribeOneAsync(created.NetworkInterfaceId);
        await Host.Boto3WaitAsync(TestUser.Alice, "network_interface_available", new { NetworkInterfaceIds = new[] { created.NetworkInterfaceId } });

        foreach (var eni in new[] { created, described })
        {
            Assert.That(eni.NetworkInterfaceId, Does.Match("^eni-[0-9a-f]{17}$"));
            Assert.That((eni.SubnetId, eni.VpcId, eni.AvailabilityZone, eni.Status.Value, eni.Attachment),
                Is.EqualTo((subnet.SubnetId, Vpc.VpcId, subnet.AvailabilityZone, "available", (NetworkInterfaceAttachment?)null)));
            Assert.That((eni.PrivateIpAddress, eni.Description, eni.SourceDestCheck, eni.OwnerId, eni.InterfaceType.Value),
                Is.EqualTo((address, "backend", (bool?)true, Vpc.OwnerId, "interface")));
            Assert.That(eni.PrivateIpAddresses.Single().PrivateIpAddress, Is.EqualTo(address));
            Assert.That(eni.Groups.Select(g => (g.GroupId, g.GroupName)), Is.EqualTo(new[] { (group, "eni-web") }));
            Assert.That(eni.TagSet.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("Name", "eni-backend") }));
        }
        var taken = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.PrivateIpAddress = address));
        var outside = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.PrivateIpAddress = "192.0.2.10"));
        Assert.That((taken.ErrorCode, taken.Message), Is.EqualTo(("InvalidIPAddress.InUse", $"Address {address} is in use.")));
        Assert.That(outside.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Without_groups_an_interface_is_in_its_vpcs_default_group_and_the_default_subnet_takes_one_too()
    {
        var subnet = await NewSubnetAsync();
        var defaultGroup = (await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [Vpc.VpcId]), new Filter("group-name", ["default"])],
        })).SecurityGroups.Single().GroupId;
        var defaultSubnet = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])] })).Subnets.First();

        var created = await CreateAsync(subnet.SubnetId);
        var inDefault = await Host.Boto3Async(TestUser.Alice, "create_network_interface", new { SubnetId = defaultSubnet.SubnetId });
        var defaultEni = inDefault.GetProperty("NetworkInterface");

        Assert.That(created.Groups.Single().GroupId, Is.EqualTo(defaultGroup));
        Assert.That(created.PrivateIpAddress, Does.StartWith(subnet.CidrBlock[..^4]));
        Assert.That(defaultEni.GetProperty("SubnetId").GetString(), Is.EqualTo(defaultSubnet.SubnetId));
        Assert.That(defaultEni.GetProperty("VpcId").GetString(), Is.EqualTo(defaultSubnet.VpcId));
        Assert.That(defaultEni.GetProperty("Groups")[0].GetProperty("GroupName").GetString(), Is.EqualTo("default"));
        Assert.That(defaultEni.GetProperty("Status").GetString(), Is.EqualTo("available"));
    }

    [Test]
    public async Task The_filters_tools_send_find_the_interface()
    {
        var subnet = await NewSubnetAsync();
        var eni = await CreateAsync(subnet.SubnetId, r =>
        {
            r.Description = "filtered";
            r.TagSpecifications = [new TagSpecification { ResourceType = "network-interface", Tags = [new Tag("role", "db")] }];
        });
        var other = await CreateAsync(subnet.SubnetId);

        var filters = new Dictionary<string, string>
        {
            ["network-interface-id"] = eni.NetworkInterfaceId,
            ["private-ip-address"] = eni.PrivateIpAddress,
            ["addresses.private-ip-address"] = eni.PrivateIpAddress,
            ["description"] = "filtered",
            ["tag:role"] = "db",
            ["tag-key"] = "role",
        };
        foreach (var (name, value) in filters)
        {
            Assert.That(await FoundAsync(new Filter(name, [value])), Is.EqualTo(new[] { eni.NetworkInterfaceId }), name);
        }
        Assert.That(await FoundAsync(new Filter("subnet-id", [subnet.SubnetId])), Is.EqualTo(new[] { eni.NetworkInterfaceId, other.NetworkInterfaceId }));
        Assert.That(await FoundAsync(new Filter("vpc-id", [Vpc.VpcId]), new Filter("status", ["available"])),
            Does.Contain(eni.NetworkInterfaceId).And.Contain(other.NetworkInterfaceId));
        Assert.That(await FoundAsync(new Filter("group-id", [eni.Groups.Single().GroupId]), new Filter("subnet-id", [subnet.SubnetId])), Has.Count.EqualTo(2));
        Assert.That(await FoundAsync(new Filter("status", ["in-use"]), new Filter("subnet-id", [subnet.SubnetId])), Is.Empty);
        Assert.That(await FoundAsync(new Filter("attachment.instance-id", ["*"]), new Filter("subnet-id", [subnet.SubnetId])), Is.Empty);
        var unknown = await FailsAsync(() => FoundAsync(new Filter("colour", ["red"])));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Describe_pages_with_next_tokens_and_refuses_max_results_with_ids()
    {
        var subnet = await NewSubnetAsync();
        var made = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            made.Add((await CreateAsync(subnet.SubnetId)).NetworkInterfaceId);
        }
        var bySubnet = new Filter("subnet-id", [subnet.SubnetId]);

        var first = await Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [bySubnet], MaxResults = 5 });
        var second = await Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [bySubnet], MaxResults = 5, NextToken = first.NextToken });
        var boto3 = await Host.Boto3Async(TestUser.Alice, "describe_network_interfaces", new { Filters = new[] { new { Name = "subnet-id", Values = new[] { subnet.SubnetId } } }, MaxResults = 5 });
        var both = await FailsAsync(() => Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [made[0]], MaxResults = 5 }));

        Assert.That(first.NetworkInterfaces.Concat(second.NetworkInterfaces).Select(n => n.NetworkInterfaceId), Is.EqualTo(made));
        Assert.That(first.NextToken, Is.Not.Null);
        Assert.That(second.NextToken, Is.Null);
        Assert.That(boto3.GetProperty("NetworkInterfaces").GetArrayLength(), Is.EqualTo(5));
        Assert.That(boto3.TryGetProperty("NextToken", out _), Is.True);
        Assert.That(both.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
    }

    [Test]
    public async Task A_deleted_interface_is_not_found_and_gives_its_address_back()
    {
        var subnet = await NewSubnetAsync();
        var eni = await CreateAsync(subnet.SubnetId);
        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [eni.NetworkInterfaceId], Tags = [new Tag("gone", "soon")] });
        var whileThere = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets.Single().AvailableIpAddressCount;

        await Host.Boto3Async(TestUser.Alice, "delete_network_interface", new { NetworkInterfaceId = eni.NetworkInterfaceId });
        var described = await FailsAsync(() => DescribeOneAsync(eni.NetworkInterfaceId));
        var waiter = await Host.Boto3WaitFailsAsync(TestUser.Alice, "network_interface_available", new { NetworkInterfaceIds = new[] { eni.NetworkInterfaceId } });
        var again = await FailsAsync(() => Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        var after = (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets.Single().AvailableIpAddressCount;
        var tags = await Alice.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [eni.NetworkInterfaceId])] });

        Assert.That((described.ErrorCode, described.StatusCode, described.Message),
            Is.EqualTo(("InvalidNetworkInterfaceID.NotFound", HttpStatusCode.BadRequest, $"The networkInterface ID '{eni.NetworkInterfaceId}' does not exist")));
        Assert.That(waiter, Does.Contain("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(again.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(after, Is.EqualTo(whileThere + 1));
        Assert.That(tags.Tags ?? [], Is.Empty);
    }

    [Test]
    public async Task An_instances_primary_interface_is_in_use_and_cannot_be_deleted_but_its_attachment_can_change()
    {
        // Running: the create job has made the NIC (until then the attachment is `attaching`).
        var instance = await Alice.DescribeOneAsync((await Alice.RunningAsync())[0]);
        var primary = instance.NetworkInterfaces.Single();

        var eni = await DescribeOneAsync(primary.NetworkInterfaceId);
        var byInstance = await FoundAsync(new Filter("attachment.instance-id", [instance.InstanceId]));
        var byIndex = await FoundAsync(new Filter("attachment.instance-id", [instance.InstanceId]), new Filter("attachment.device-index", ["0"]));
        var delete = await FailsAsync(() => Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        await Alice.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = eni.Attachment.AttachmentId, DeleteOnTermination = false },
        });
        var wrongAttachment = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_network_interface_attribute", new
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            Attachment = new { AttachmentId = "eni-attach-0000000000000dead", DeleteOnTermination = true },
        });
        var kept = (await Alice.DescribeOneAsync(instance.InstanceId)).NetworkInterfaces.Single().Attachment.DeleteOnTermination;

        Assert.That((eni.Status.Value, eni.Attachment.InstanceId, eni.Attachment.DeviceIndex, eni.Attachment.Status.Value, eni.Attachment.DeleteOnTermination),
            Is.EqualTo(("in-use", instance.InstanceId, (int?)0, "attached", (bool?)true)));
        Assert.That(eni.Attachment.AttachmentId, Is.EqualTo(primary.Attachment.AttachmentId));
        Assert.That(eni.PrivateIpAddress, Is.EqualTo(instance.PrivateIpAddress));
        Assert.That((byInstance, byIndex), Is.EqualTo((new[] { eni.NetworkInterfaceId }, new[] { eni.NetworkInterfaceId })));
        Assert.That((delete.ErrorCode, delete.Message), Is.EqualTo(("InvalidNetworkInterface.InUse",
            $"The network interface '{eni.NetworkInterfaceId}' is currently in use by instance '{instance.InstanceId}'.")));
        Assert.That(wrongAttachment.Code, Is.EqualTo("InvalidAttachmentID.NotFound"));
        Assert.That(kept, Is.False);
    }

    [Test]
    public async Task Attributes_change_one_at_a_time()
    {
        var subnet = await NewSubnetAsync();
        var eni = await CreateAsync(subnet.SubnetId);
        var group = (await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "eni-modify", Description = "m", VpcId = Vpc.VpcId })).GroupId;

        await Alice.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = eni.NetworkInterfaceId, Description = "renamed" });
        await Host.Boto3Async(TestUser.Alice, "modify_network_interface_attribute", new { NetworkInterfaceId = eni.NetworkInterfaceId, SourceDestCheck = new { Value = false } });
        await Host.Boto3Async(TestUser.Alice, "modify_network_interface_attribute", new { NetworkInterfaceId = eni.NetworkInterfaceId, Groups = new[] { group } });
        var changed = await DescribeOneAsync(eni.NetworkInterfaceId);
        var two = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_network_interface_attribute", new
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, Description = new { Value = "x" }, SourceDestCheck = new { Value = true },
        });
        var none = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_network_interface_attribute", new { NetworkInterfaceId = eni.NetworkInterfaceId });
        var detached = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_network_interface_attribute", new
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, Attachment = new { AttachmentId = "eni-attach-" + eni.NetworkInterfaceId[4..], DeleteOnTermination = true },
        });
        var unknownGroup = await FailsAsync(() => Alice.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = eni.NetworkInterfaceId, Groups = ["sg-0000000000000dead"],
        }));

        Assert.That((changed.Description, changed.SourceDestCheck), Is.EqualTo(("renamed", (bool?)false)));
        Assert.That(changed.Groups.Single().GroupId, Is.EqualTo(group));
        Assert.That(two.Code, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(none.Code, Is.EqualTo("MissingParameter"));
        Assert.That(detached.Code, Is.EqualTo("InvalidAttachmentID.NotFound"));
        Assert.That(unknownGroup.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That((await DescribeOneAsync(eni.NetworkInterfaceId)).Groups.Single().GroupId, Is.EqualTo(group));
    }

    [Test]
    public async Task Refused_groups_leave_no_interface_behind()
    {
        var subnet = await NewSubnetAsync();
        var defaultVpcGroup = (await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["default"]), new Filter("vpc-id", [(await Alice.DescribeVpcsAsync(new DescribeVpcsRequest
            {
                Filters = [new Filter("isDefault", ["true"])],
            })).Vpcs.Single().VpcId])],
        })).SecurityGroups.Single().GroupId;

        var unknown = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.Groups = ["sg-0000000000000dead"]));
        var otherVpc = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.Groups = [defaultVpcGroup]));
        var malformed = await Host.Boto3ErrorAsync(TestUser.Alice, "create_network_interface", new { SubnetId = subnet.SubnetId, Groups = new[] { "web" } });

        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That(otherVpc.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(malformed.Code, Is.EqualTo("InvalidGroupId.Malformed"));
        Assert.That(await FoundAsync(new Filter("subnet-id", [subnet.SubnetId])), Is.Empty);
    }

    [Test]
    public async Task Bad_requests_get_AWS_codes()
    {
        var subnet = await NewSubnetAsync(size: 28);
        for (var i = 0; i < 13; i++)
        {
            await CreateAsync(subnet.SubnetId);
        }

        var full = await FailsAsync(() => CreateAsync(subnet.SubnetId));
        var noSubnet = await FailsAsync(() => Alice.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { Description = "x" }));
        var unknownSubnet = await FailsAsync(() => CreateAsync("subnet-0000000000000dead"));
        var notAnAddress = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.PrivateIpAddress = "10.40.1.300"));
        var secondaries = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.SecondaryPrivateIpAddressCount = 2));
        var tagType = await FailsAsync(() => CreateAsync(subnet.SubnetId, r =>
            r.TagSpecifications = [new TagSpecification { ResourceType = "instance", Tags = [new Tag("a", "b")] }]));
        var malformed = await FailsAsync(() => DescribeOneAsync("eni-xyz"));
        var malformedDelete = await Host.Boto3ErrorAsync(TestUser.Alice, "delete_network_interface", new { NetworkInterfaceId = "eni-attach-0000000000000dead" });

        Assert.That((full.ErrorCode, full.StatusCode), Is.EqualTo(("InsufficientFreeAddressesInSubnet", HttpStatusCode.BadRequest)));
        Assert.That((noSubnet.ErrorCode, noSubnet.StatusCode), Is.EqualTo(("MissingParameter", HttpStatusCode.BadRequest)));
        Assert.That(unknownSubnet.ErrorCode, Is.EqualTo("InvalidSubnetID.NotFound"));
        Assert.That(notAnAddress.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(secondaries.ErrorCode, Is.EqualTo("UnsupportedOperation"));
        Assert.That(tagType.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That((malformed.ErrorCode, malformed.Message), Is.EqualTo(("InvalidNetworkInterfaceID.Malformed", "Invalid id: \"eni-xyz\" (expecting \"eni-...\")")));
        Assert.That(malformedDelete.Code, Is.EqualTo("InvalidNetworkInterfaceID.Malformed"));
    }

    [Test]
    public async Task Dry_run_checks_and_changes_nothing()
    {
        var subnet = await NewSubnetAsync();
        var eni = await CreateAsync(subnet.SubnetId);

        var create = await FailsAsync(() => CreateAsync(subnet.SubnetId, r => r.DryRun = true));
        var delete = await Host.Boto3ErrorAsync(TestUser.Alice, "delete_network_interface", new { NetworkInterfaceId = eni.NetworkInterfaceId, DryRun = true });
        var describe = await FailsAsync(() => Alice.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { DryRun = true }));
        var modify = await Host.Boto3ErrorAsync(TestUser.Alice, "modify_network_interface_attribute",
            new { NetworkInterfaceId = eni.NetworkInterfaceId, Description = new { Value = "dry" }, DryRun = true });
        var unknownDry = await FailsAsync(() => Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = "eni-0000000000000dead", DryRun = true }));

        Assert.That((create.ErrorCode, create.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That((delete.Code, delete.Status), Is.EqualTo(("DryRunOperation", 412)));
        Assert.That(describe.ErrorCode, Is.EqualTo("DryRunOperation"));
        Assert.That(modify.Code, Is.EqualTo("DryRunOperation"));
        Assert.That(unknownDry.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        var after = await DescribeOneAsync(eni.NetworkInterfaceId);
        Assert.That(after.Description, Is.Empty);
        Assert.That(await FoundAsync(new Filter("subnet-id", [subnet.SubnetId])), Is.EqualTo(new[] { eni.NetworkInterfaceId }));
    }

    [Test]
    public async Task Tags_on_an_interface_are_described_as_network_interface()
    {
        var subnet = await NewSubnetAsync();
        var eni = await CreateAsync(subnet.SubnetId);

        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [eni.NetworkInterfaceId], Tags = [new Tag("env", "lab")] });
        var tags = await Alice.DescribeTagsAsync(new DescribeTagsRequest
        {
            Filters = [new Filter("resource-id", [eni.NetworkInterfaceId]), new Filter("resource-type", ["network-interface"])],
        });
        await Host.Boto3Async(TestUser.Alice, "delete_tags", new { Resources = new[] { eni.NetworkInterfaceId }, Tags = new[] { new { Key = "env" } } });

        Assert.That(tags.Tags.Select(t => (t.Key, t.Value, t.ResourceType.Value)), Is.EqualTo(new[] { ("env", "lab", "network-interface") }));
        Assert.That((await DescribeOneAsync(eni.NetworkInterfaceId)).TagSet ?? [], Is.Empty);
    }

    [Test]
    public async Task Another_users_interface_is_not_found_anywhere()
    {
        var subnet = await NewSubnetAsync();
        var alices = await CreateAsync(subnet.SubnetId);
        using var bob = Host.CreateClient(TestUser.Bob);

        var listed = (await bob.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces ?? [];
        var described = await FailsAsync(() => bob.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [alices.NetworkInterfaceId] }));
        var deleted = await FailsAsync(() => bob.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = alices.NetworkInterfaceId }));
        var modified = await Host.Boto3ErrorAsync(TestUser.Bob, "modify_network_interface_attribute",
            new { NetworkInterfaceId = alices.NetworkInterfaceId, Description = new { Value = "bob's" } });
        var tagged = await FailsAsync(() => bob.CreateTagsAsync(new CreateTagsRequest { Resources = [alices.NetworkInterfaceId], Tags = [new Tag("x", "y")] }));
        var inHerSubnet = await FailsAsync(() => bob.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet.SubnetId }));

        Assert.That(listed.Select(n => n.NetworkInterfaceId), Does.Not.Contain(alices.NetworkInterfaceId));
        Assert.That(described.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(deleted.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(modified.Code, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(tagged.ErrorCode, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(inHerSubnet.ErrorCode, Is.EqualTo("InvalidSubnetID.NotFound"));
        Assert.That((await DescribeOneAsync(alices.NetworkInterfaceId)).Description, Is.Empty);
    }
}
