using Amazon.EC2.Model;
using InstanceIds = Cyclades.Ec2Api.Actions.Instances.InstanceIds;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Cyclades.Tests.Walkthrough;

namespace Cyclades.Tests.Integration;

/// <summary>
/// An instance's security groups, changed through the EC2 API (AWSSDK.EC2) on the host configured for
/// the real Ganeti test cluster, reach the instance's tags on the node (<c>gnt-instance list-tags</c>).
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class FirewallOnGanetiTests
{
    private GanetiTestHost _cluster = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _cluster = await GanetiTestHost.StartAsync("fw");

    [OneTimeTearDown]
    public async Task StopHost()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Empty while the instance is not made yet (list-tags fails then).</summary>
    private static async Task<IReadOnlyList<string>> NodeTagsAsync(string instanceName)
    {
        try
        {
            return await GanetiTestCluster.Instance.TagsOnNodeAsync(instanceName);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("prerequisites not met", StringComparison.Ordinal))
        {
            return [];
        }
    }

    [Test]
    public async Task Changing_an_instances_groups_changes_its_firewall_tags_on_the_node()
    {
        using var ec2 = _cluster.Host.CreateClient(TestUser.Alice);
        var instanceId = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-00000001", InstanceType = "t2.micro", MinCount = 1, MaxCount = 1,
        })).Reservation.Instances.Single().InstanceId;
        try
        {
            Assert.That(InstanceIds.TryParse(instanceId, out var serverId));
            var name = $"{_cluster.Prefix}-{serverId}";
            var described = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] })).Reservations.Single().Instances.Single();
            var eni = described.NetworkInterfaces.Single();
            var portId = Convert.ToInt64(eni.NetworkInterfaceId["eni-".Length..], 16);
            var vpc = eni.VpcId;
            var defaultGroup = described.SecurityGroups.Single();
            var open = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = $"{_cluster.Prefix}-open", Description = "all in", VpcId = vpc })).GroupId;
            await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = open, IpPermissions = [new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
            });
            string Group(string groupId) => $"cyclades:sg:snf-nic-{portId}:{Convert.ToInt64(groupId["sg-".Length..], 16)}";
            var protectedTag = $"synnefo:network:snf-nic-{portId}:protected";

            await Eventually.HoldsAsync(async () => (await NodeTagsAsync(name)).Contains(protectedTag),
                "the create job's firewall tags on the node", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
            Assert.That(await NodeTagsAsync(name), Is.EquivalentTo(new[] { protectedTag, Group(defaultGroup.GroupId) }));

            await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instanceId, Groups = [open] });
            await Eventually.HoldsAsync(async () => (await NodeTagsAsync(name)).SequenceEqual([Group(open)]),
                "only the open group's record: profile DISABLED has no tag", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));

            await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instanceId, Groups = [defaultGroup.GroupId] });
            await Eventually.HoldsAsync(async () => (await NodeTagsAsync(name)).Order().SequenceEqual(new[] { protectedTag, Group(defaultGroup.GroupId) }.Order()),
                "back to the default group's tags", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        }
        finally
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instanceId] });
        }
    }

    [Test]
    public async Task A_launchs_groups_are_on_the_node_from_the_create_job()
    {
        using var ec2 = _cluster.Host.CreateClient(TestUser.Alice);
        var vpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("isDefault", ["true"])] })).Vpcs.Single().VpcId;
        var open = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = $"{_cluster.Prefix}-launch", Description = "at launch", VpcId = vpc })).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = open, IpPermissions = [new IpPermission { IpProtocol = "-1", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var launched = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-00000001", InstanceType = "t2.micro", MinCount = 1, MaxCount = 1, SecurityGroupIds = [open],
        })).Reservation.Instances.Single();
        try
        {
            Assert.That(InstanceIds.TryParse(launched.InstanceId, out var serverId));
            var portId = Convert.ToInt64(launched.NetworkInterfaces.Single().NetworkInterfaceId["eni-".Length..], 16);
            var name = $"{_cluster.Prefix}-{serverId}";
            var openTag = $"cyclades:sg:snf-nic-{portId}:{Convert.ToInt64(open["sg-".Length..], 16)}";

            Assert.That(launched.SecurityGroups.Single().GroupId, Is.EqualTo(open));
            await Eventually.HoldsAsync(async () => (await NodeTagsAsync(name)).Count > 0,
                "the create job's tags on the node", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
            Assert.That(await NodeTagsAsync(name), Is.EqualTo(new[] { openTag }), "the launch's group, and no default group's protected profile");
        }
        finally
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launched.InstanceId] });
        }
    }
}
