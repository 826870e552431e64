using Cyclades.Logic.Backends;
using Cyclades.Logic.Events;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;
using SubmittedJob = Cyclades.Tests.Logic.Support.SubmittedJob;

namespace Cyclades.Tests.Logic.SecurityGroups;

/// <summary>A port's groups carried to its server's instance as firewall tags, on SQLite and MariaDB.</summary>
public sealed class PortFirewallTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const string User = LogicHarness.User;
    private const string Unrelated = "ec2:owner:someone";
    private static readonly CancellationToken None = CancellationToken.None;

    private SecurityGroupService Groups => Logic.Get<SecurityGroupService>();

    private PortFirewall Firewall => Logic.Get<PortFirewall>();

    private static readonly RuleSpec AllFromAnywhere = new(RuleDirection.Ingress, "-1", null, null, RulePeer.Ipv4("0.0.0.0/0"));

    private static readonly RuleSpec SshFromAnywhere = new(RuleDirection.Ingress, "tcp", 22, 22, RulePeer.Ipv4("0.0.0.0/0"));

    /// <summary>A launched server whose instance the cluster has, with the tags its create job carried and one of somebody else's.</summary>
    private async Task<(Server Server, long Port, long DefaultGroup)> ServerOnClusterAsync()
    {
        var server = (await Logic.LaunchAsync()).Single().Server;
        var port = (await Logic.Get<NetworkQueries>().PortsOfServersAsync([server.Id], None))[server.Id].Single().Id;
        var network = (await Logic.Get<NetworkQueries>().GetDefaultNetworkAsync(User, None)).Id;
        var create = Logic.Driver.Jobs.Single(j => j.Operation == ServerOperation.Create && j.InstanceName == server.InstanceName);
        Logic.Driver.AddInstance(server.InstanceName, [.. create.Spec!.Tags, Unrelated]);
        return (server, port, (await Groups.EnsureDefaultAsync(User, network, None)).Id);
    }

    private IReadOnlyList<SubmittedJob> TagJobs => Logic.Driver.Jobs.Where(j => j.Operation == ServerOperation.Tags).ToList();

    private async Task<long> NewGroupAsync(string name, params RuleSpec[] rules)
    {
        var network = (await Logic.Get<NetworkQueries>().GetDefaultNetworkAsync(User, None)).Id;
        var id = (await Groups.CreateAsync(User, network, name, "d", [], None)).Group.Id;
        if (rules.Length > 0)
        {
            await Groups.AuthorizeAsync(User, id, rules, [], None);
        }
        return id;
    }

    [Test]
    public async Task The_create_job_carries_the_nics_profile_and_its_default_group()
    {
        var (server, port, defaultGroup) = await ServerOnClusterAsync();

        var create = Logic.Driver.Jobs.Single(j => j.Operation == ServerOperation.Create);

        Assert.That(create.Spec!.Tags, Is.EqualTo(new[] { $"synnefo:network:snf-nic-{port}:protected", $"cyclades:sg:snf-nic-{port}:{defaultGroup}" }));
        Assert.That(create.Spec.NicName, Is.EqualTo($"snf-nic-{port}"));
        Assert.That((await Firewall.PushAsync(server.Id, None)).ChangedNothing, "the tags are right: nothing to submit");
        Assert.That(TagJobs, Is.Empty);
    }

    [Test]
    public async Task Changing_a_ports_groups_replaces_its_firewall_tags_and_leaves_the_others()
    {
        var (server, port, defaultGroup) = await ServerOnClusterAsync();
        var open = await NewGroupAsync("open", AllFromAnywhere);
        Assert.That(TagJobs, Is.Empty, "the group has no member yet");

        await Groups.SetPortGroupsAsync(User, port, [open], None);

        Assert.That(Logic.Driver.TagsOf(server.InstanceName), Is.EquivalentTo(new[] { Unrelated, $"cyclades:sg:snf-nic-{port}:{open}" }),
            "all in from anywhere: profile DISABLED, no profile tag");
        Assert.That(TagJobs.Select(j => j.Tags), Is.EqualTo(new[]
        {
            new[] { $"cyclades:sg:snf-nic-{port}:{defaultGroup}", $"synnefo:network:snf-nic-{port}:protected" },
            new[] { $"cyclades:sg:snf-nic-{port}:{open}" },
        }), "one job removing, one adding");

        var web = await NewGroupAsync("web", SshFromAnywhere);
        await Groups.SetPortGroupsAsync(User, port, [web, defaultGroup], None);

        Assert.That(Logic.Driver.TagsOf(server.InstanceName), Is.EquivalentTo(new[]
        {
            Unrelated, $"synnefo:network:snf-nic-{port}:limited", $"cyclades:sg:snf-nic-{port}:{web}", $"cyclades:sg:snf-nic-{port}:{defaultGroup}",
        }));
    }

    [Test]
    public async Task A_rule_change_reaches_the_servers_of_the_groups_members_and_of_ports_that_never_chose_groups()
    {
        var (server, port, defaultGroup) = await ServerOnClusterAsync();
        var (other, otherPort, _) = await ServerOnClusterAsync();
        var web = await NewGroupAsync("web");
        await Groups.SetPortGroupsAsync(User, otherPort, [web], None);
        var limited = $"synnefo:network:snf-nic-{port}:limited";
        var protectedTag = $"synnefo:network:snf-nic-{port}:protected";

        await Groups.AuthorizeAsync(User, defaultGroup, [SshFromAnywhere], [], None);
        var afterAuthorize = Logic.Driver.TagsOf(server.InstanceName);
        var ruleId = (await Groups.GetAsync(User, defaultGroup, None)).Rules.Single(r => r.Spec.FromPort == 22).Id;
        await Groups.RevokeByIdAsync(User, defaultGroup, RuleDirection.Ingress, [ruleId], None);
        var afterRevoke = Logic.Driver.TagsOf(server.InstanceName);
        await Groups.AuthorizeAsync(User, web, [AllFromAnywhere], [], None);

        Assert.That(afterAuthorize, Does.Contain(limited).And.Not.Contain(protectedTag));
        Assert.That(afterRevoke, Does.Contain(protectedTag).And.Not.Contain(limited));
        Assert.That(Logic.Driver.TagsOf(other.InstanceName), Does.Not.Contain($"synnefo:network:snf-nic-{otherPort}:protected"),
            "the member of web is open to all now");
        Assert.That(Logic.Driver.TagsOf(server.InstanceName), Does.Contain(protectedTag), "a rule of web does not touch default's members");
    }

    [Test]
    public async Task A_cluster_out_of_reach_does_not_fail_the_change_and_the_next_tag_job_result_sets_the_tags_right()
    {
        var (server, port, _) = await ServerOnClusterAsync();
        var open = await NewGroupAsync("open", AllFromAnywhere);
        var before = Logic.Driver.TagsOf(server.InstanceName);
        Logic.Driver.Unreachable = true;

        await Groups.SetPortGroupsAsync(User, port, [open], None);

        Assert.That(Logic.Driver.TagsOf(server.InstanceName), Is.EqualTo(before));
        Assert.That((await Groups.GroupsOfPortsAsync(User, [port], None))[port].Single().Id, Is.EqualTo(open), "the change is stored");
        Logic.Driver.Unreachable = false;
        var at = DateTimeOffset.UtcNow;
        var tagJob = new ClusterJob(77, JobStatus.Success,
            [new ClusterJobOperation(ServerOperation.Tags, server.InstanceName, JobStatus.Success, null, null, null)], at, at, at);

        await Logic.Get<EventDelivery>().DeliverAsync(server.BackendId, Logic.Driver, tagJob, None);

        Assert.That(Logic.Driver.TagsOf(server.InstanceName), Is.EquivalentTo(new[] { Unrelated, $"cyclades:sg:snf-nic-{port}:{open}" }));
        Assert.That((await Logic.ServerAsync(server.Id)).OperState, Is.EqualTo(OperState.Build), "a tag job changes nothing of the server");
    }

    [Test]
    public async Task A_server_the_cluster_has_not_made_yet_or_a_deleted_one_gets_no_tag_job()
    {
        var server = (await Logic.LaunchAsync()).Single().Server;

        Assert.That((await Firewall.PushAsync(server.Id, None)).ChangedNothing);
        Assert.That((await Firewall.PushAsync(server.Id + 1000, None)).ChangedNothing);
        Assert.That(TagJobs, Is.Empty);
    }
}
