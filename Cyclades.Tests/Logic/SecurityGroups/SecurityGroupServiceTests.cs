using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.SecurityGroups;
using Cyclades.Logic.Tags;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.SecurityGroups;

/// <summary>The core's security groups and their repositories, on SQLite and MariaDB.</summary>
public sealed class SecurityGroupServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    private const string User = LogicHarness.User;
    private static readonly CancellationToken None = CancellationToken.None;

    private SecurityGroupService Groups => Logic.Get<SecurityGroupService>();

    private static RuleSpec Tcp(int port, string cidr, RuleDirection direction = RuleDirection.Ingress, string? description = null) =>
        new(direction, "tcp", port, port, RulePeer.Ipv4(cidr), description);

    private long Network { get; set; }

    [SetUp]
    public async Task FindTheDefaultNetwork() => Network = (await Logic.Get<NetworkQueries>().GetDefaultNetworkAsync(User, None)).Id;

    private async Task<Port> PortAsync()
    {
        var server = (await Logic.LaunchAsync(count: 1)).Single();
        return (await Logic.Get<NetworkQueries>().PortsOfServersAsync([server.Server.Id], None))[server.Server.Id].Single();
    }

    private async Task<long> NewGroupAsync(string name = "web", long network = -1) =>
        (await Groups.CreateAsync(User, network == -1 ? Network : network, name, "d", [], None)).Group.Id;

    [Test]
    public async Task Nodes_racing_to_make_a_default_group_make_one_with_awss_rules()
    {
        var made = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Groups.EnsureDefaultAsync(User, Network, None))));

        Assert.That(made.Select(g => g.Id).Distinct().Count(), Is.EqualTo(1));
        var group = await Groups.GetAsync(User, made[0].Id, None);
        Assert.That((group.Group.Name, group.Group.IsDefault), Is.EqualTo(("default", true)));
        Assert.That(group.Rules.Select(r => r.Spec with { Description = null }), Is.EqualTo(new[]
        {
            new RuleSpec(RuleDirection.Ingress, "-1", null, null, RulePeer.Group(group.Group.Id)),
            SecurityGroupService.AllowAllEgress,
        }));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM security_groups"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_new_group_has_the_allow_all_egress_rule_its_tags_and_a_name_unique_on_its_network_whatever_the_case()
    {
        var created = await Groups.CreateAsync(User, Network, "Web", "web servers", [new Tag("team", "ops")], None);

        Assert.That(created.Rules.Single().Spec, Is.EqualTo(SecurityGroupService.AllowAllEgress));
        Assert.That((await Logic.Get<TagService>().ListForAsync(User, TaggedResourceType.SecurityGroup, [created.Group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], None))
            .Single().Single(), Is.EqualTo(new Tag("team", "ops")));
        Assert.That(() => Groups.CreateAsync(User, Network, "WEB", "again", [], None), Throws.TypeOf<SecurityGroupExistsException>());
        Assert.That(() => Groups.CreateAsync(User, Network, "default", "again", [], None), Throws.TypeOf<SecurityGroupExistsException>());
        Assert.That((await Groups.CreateAsync(User, Network + 1, "web", "elsewhere", [], None)).Group.NetworkId, Is.EqualTo(Network + 1));
        Assert.That((await Groups.CreateAsync("u2", Network, "web", "another user", [], None)).Group.UserId, Is.EqualTo("u2"));
        Assert.That((await Groups.ListAsync(User, null, None)).Count(g => g.Group.IsDefault), Is.EqualTo(2), "each network got its default group");
    }

    [Test]
    public async Task Authorize_is_all_or_nothing_and_refuses_a_rule_the_group_has_in_any_spelling()
    {
        var id = await NewGroupAsync();

        var added = await Groups.AuthorizeAsync(User, id, [Tcp(22, "10.0.0.0/8", description: "ssh"), Tcp(80, "0.0.0.0/0")], [new Tag("k", "v")], None);

        Assert.That(added.Select(r => r.Spec.Peer.CidrIpv4), Is.EqualTo(new[] { "10.0.0.0/8", "0.0.0.0/0" }));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM tags WHERE resource_type = 'SECURITYRULE'"), Is.EqualTo(2));
        var duplicate = await Assert.ThrowsAsync<SecurityGroupRuleExistsException>(() =>
            Groups.AuthorizeAsync(User, id, [Tcp(443, "0.0.0.0/0"), new RuleSpec(RuleDirection.Ingress, "6", 22, 22, RulePeer.Ipv4("10.1.1.1/8"))], [], None));
        Assert.That(duplicate!.Rule.Peer.CidrIpv4, Is.EqualTo("10.0.0.0/8"));
        Assert.That(() => Groups.AuthorizeAsync(User, id, [Tcp(8080, "0.0.0.0/0"), Tcp(8080, "0.0.0.0/0")], [], None),
            Throws.TypeOf<SecurityGroupRuleExistsException>(), "the same rule twice in one request");
        Assert.That(() => Groups.AuthorizeAsync(User, id, [Tcp(9000, "0.0.0.0/0"), Tcp(9001, "0.0.0.0/99")], [], None), Throws.TypeOf<InvalidRuleException>());
        Assert.That((await Groups.GetAsync(User, id, None)).Rules, Has.Count.EqualTo(3), "egress + the two first rules only");
    }

    [Test]
    public async Task Peers_are_groups_of_the_user_on_the_same_network()
    {
        var id = await NewGroupAsync();
        var peer = await NewGroupAsync("db");
        var elsewhere = await NewGroupAsync("db", Network + 1);
        var theirs = (await Groups.CreateAsync("u2", Network, "x", "d", [], None)).Group.Id;
        RuleSpec From(long group) => new(RuleDirection.Ingress, "-1", null, null, RulePeer.Group(group));

        Assert.That((await Groups.AuthorizeAsync(User, id, [From(peer), From(id)], [], None)), Has.Count.EqualTo(2));
        Assert.That(() => Groups.AuthorizeAsync(User, id, [From(elsewhere)], [], None), Throws.TypeOf<SecurityGroupNetworkMismatchException>());
        Assert.That(() => Groups.AuthorizeAsync(User, id, [From(theirs)], [], None), Throws.TypeOf<SecurityGroupNotFoundException>());
        Assert.That(() => Groups.AuthorizeAsync(User, theirs, [Tcp(1, "0.0.0.0/0")], [], None), Throws.TypeOf<SecurityGroupNotFoundException>());
    }

    [Test]
    public async Task Revoke_removes_matching_rules_and_with_require_all_nothing_when_one_is_missing()
    {
        var id = await NewGroupAsync();
        await Groups.AuthorizeAsync(User, id, [Tcp(22, "10.0.0.0/8"), Tcp(80, "0.0.0.0/0")], [new Tag("k", "v")], None);

        Assert.That(() => Groups.RevokeAsync(User, id, [Tcp(22, "10.0.0.0/8"), Tcp(23, "10.0.0.0/8")], requireAll: true, None),
            Throws.TypeOf<SecurityGroupRuleNotFoundException>());
        Assert.That((await Groups.GetAsync(User, id, None)).Rules, Has.Count.EqualTo(3));

        var lenient = await Groups.RevokeAsync(User, id, [Tcp(22, "10.1.0.0/8", description: "other"), Tcp(23, "10.0.0.0/8")], requireAll: false, None);
        var egress = await Groups.RevokeAsync(User, id, [new RuleSpec(RuleDirection.Egress, "-1", 0, 0, RulePeer.Ipv4("0.0.0.0/0"))], requireAll: true, None);

        Assert.That(lenient.Revoked.Single().Spec.FromPort, Is.EqualTo(22));
        Assert.That(lenient.Unmatched.Single().FromPort, Is.EqualTo(23));
        Assert.That(egress.Revoked.Single().Spec.Direction, Is.EqualTo(RuleDirection.Egress));
        Assert.That((await Groups.GetAsync(User, id, None)).Rules.Single().Spec.FromPort, Is.EqualTo(80));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM tags WHERE resource_type = 'SECURITYRULE'"), Is.EqualTo(1), "the revoked rule's tag went with it");
    }

    [Test]
    public async Task Revoke_by_id_needs_the_groups_rule_of_that_direction()
    {
        var id = await NewGroupAsync();
        var other = await NewGroupAsync("other");
        var ingress = (await Groups.AuthorizeAsync(User, id, [Tcp(22, "0.0.0.0/0")], [], None)).Single();
        var egress = (await Groups.GetAsync(User, id, None)).Rules.Single(r => r.Spec.Direction == RuleDirection.Egress);

        Assert.That(() => Groups.RevokeByIdAsync(User, id, RuleDirection.Egress, [ingress.Id], None), Throws.TypeOf<SecurityGroupRuleIdNotFoundException>());
        Assert.That(() => Groups.RevokeByIdAsync(User, other, RuleDirection.Ingress, [ingress.Id], None), Throws.TypeOf<SecurityGroupRuleIdNotFoundException>());
        Assert.That(() => Groups.RevokeByIdAsync("u2", id, RuleDirection.Ingress, [ingress.Id], None), Throws.TypeOf<SecurityGroupNotFoundException>());
        Assert.That((await Groups.RevokeByIdAsync(User, id, RuleDirection.Egress, [egress.Id], None)).Single().Id, Is.EqualTo(egress.Id));
        Assert.That((await Groups.ListRulesAsync(User, null, None)).Select(r => r.Id), Does.Contain(ingress.Id).And.Not.Contain(egress.Id));
    }

    [Test]
    public async Task Modify_replaces_rules_in_place_but_never_into_a_duplicate()
    {
        var id = await NewGroupAsync();
        var rules = await Groups.AuthorizeAsync(User, id, [Tcp(22, "0.0.0.0/0"), Tcp(80, "0.0.0.0/0")], [], None);

        var modified = await Groups.ModifyRulesAsync(User, id, [(rules[1].Id, Tcp(8080, "10.0.0.0/8", description: "alt"))], None);

        Assert.That(modified.Single().Spec, Is.EqualTo(Tcp(8080, "10.0.0.0/8", description: "alt")));
        Assert.That(() => Groups.ModifyRulesAsync(User, id, [(rules[1].Id, Tcp(22, "0.0.0.0/0"))], None), Throws.TypeOf<SecurityGroupRuleExistsException>());
        Assert.That(() => Groups.ModifyRulesAsync(User, id, [(rules[0].Id, Tcp(22, "0.0.0.0/0", description: "same rule, new words"))], None), Throws.Nothing);
        Assert.That((await Groups.ListRulesAsync(User, [rules[0].Id], None)).Single().Spec.Description, Is.EqualTo("same rule, new words"));
    }

    [Test]
    public async Task A_group_in_use_referenced_or_default_is_not_deleted()
    {
        var used = await NewGroupAsync("used");
        var referenced = await NewGroupAsync("referenced");
        var referrer = await NewGroupAsync("referrer");
        await Groups.AuthorizeAsync(User, referrer, [new RuleSpec(RuleDirection.Egress, "-1", null, null, RulePeer.Group(referenced))], [], None);
        await Groups.AuthorizeAsync(User, referenced, [new RuleSpec(RuleDirection.Ingress, "-1", null, null, RulePeer.Group(referenced))], [new Tag("a", "b")], None);
        var port = await PortAsync();
        var defaultGroup = await Groups.EnsureDefaultAsync(User, Network, None);
        await Groups.SetPortGroupsAsync(User, port.Id, [used], None);

        Assert.That(() => Groups.DeleteAsync(User, used, None), Throws.TypeOf<SecurityGroupInUseException>());
        await Logic.ExecuteSqlAsync("DELETE FROM ip_addresses WHERE port_id = @id; DELETE FROM ports WHERE id = @id", new { id = port.Id });
        Assert.That((await Groups.DeleteAsync(User, used, None)).Id, Is.EqualTo(used), "a deleted port leaves no membership");
        Assert.That(() => Groups.DeleteAsync(User, referenced, None), Throws.TypeOf<SecurityGroupInUseException>());
        Assert.That(() => Groups.DeleteAsync(User, defaultGroup.Id, None), Throws.TypeOf<DefaultSecurityGroupException>());
        Assert.That(() => Groups.DeleteAsync("u2", referrer, None), Throws.TypeOf<SecurityGroupNotFoundException>());

        await Groups.DeleteAsync(User, referrer, None);
        Assert.That((await Groups.DeleteAsync(User, referenced, None)).Id, Is.EqualTo(referenced), "its own self-reference does not hold it");
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM security_group_rules WHERE group_id IN (@referenced, @referrer)", new { referenced, referrer }), Is.Zero);
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM tags"), Is.Zero);
    }

    [Test]
    public async Task A_group_holds_at_most_sixty_rules_of_a_direction()
    {
        var id = await NewGroupAsync();
        await Groups.AuthorizeAsync(User, id, Enumerable.Range(1, 60).Select(p => Tcp(p, "0.0.0.0/0")).ToList(), [], None);

        Assert.That(() => Groups.AuthorizeAsync(User, id, [Tcp(61, "0.0.0.0/0")], [], None), Throws.TypeOf<SecurityGroupRuleLimitException>());
        Assert.That((await Groups.AuthorizeAsync(User, id, [Tcp(61, "0.0.0.0/0", RuleDirection.Egress)], [], None)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_port_is_in_its_networks_default_group_until_its_groups_are_set()
    {
        var port = await PortAsync();
        var web = await NewGroupAsync();
        var elsewhere = await NewGroupAsync("web", Network + 100);

        var before = await Groups.GroupsOfPortsAsync(User, [port.Id, 999_999], None);
        await Groups.SetPortGroupsAsync(User, port.Id, [web, web], None);
        var after = await Groups.GroupsOfPortsAsync(User, [port.Id], None);

        Assert.That(before[port.Id].Single().IsDefault, Is.True);
        Assert.That(before[999_999], Is.Empty);
        Assert.That(after[port.Id].Single().Id, Is.EqualTo(web));
        Assert.That(() => Groups.SetPortGroupsAsync(User, port.Id, [elsewhere], None), Throws.TypeOf<SecurityGroupNetworkMismatchException>());
        Assert.That(() => Groups.SetPortGroupsAsync("u2", port.Id, [web], None), Throws.TypeOf<PortNotFoundForGroupsException>());
        Assert.That(() => Groups.SetPortGroupsAsync(User, port.Id, [1, 2, 3, 4, 5, 6], None), Throws.TypeOf<TooManySecurityGroupsException>());
        Assert.That((await Groups.GroupsOfPortsAsync("u2", [port.Id], None))[port.Id], Is.Empty, "another user's port");
    }

    [Test]
    public async Task A_listing_reads_each_servers_ports_with_their_network_and_groups_as_the_membership_read_does()
    {
        var set = await PortAsync();
        var unset = await PortAsync();
        var web = await NewGroupAsync();
        var db = await NewGroupAsync("db");
        await Groups.SetPortGroupsAsync(User, set.Id, [db, web], None);

        var ports = await Groups.PortsOfServersAsync(User, [set.ServerId!.Value, unset.ServerId!.Value, 999_999], None);
        var memberships = await Groups.GroupsOfPortsAsync(User, [set.Id, unset.Id], None);
        var stored = await Logic.Get<NetworkQueries>().PortsOfServersAsync([set.ServerId.Value], None);

        var (first, second) = (ports[set.ServerId.Value].Single(), ports[unset.ServerId.Value].Single());
        Assert.That(first.Port, Is.EqualTo(stored[set.ServerId.Value].Single()));
        Assert.That((first.NetworkId, second.NetworkId), Is.EqualTo((Network, Network)));
        Assert.That(first.Groups, Is.EqualTo(new[] { new PortGroup(web, "web"), new PortGroup(db, "db") }));
        Assert.That(second.Groups.Single().Name, Is.EqualTo("default"), "a port whose groups were never set is in the default group, made for it");
        foreach (var port in new[] { first, second })
        {
            Assert.That(port.Groups, Is.EqualTo(memberships[port.Port.Id].Select(g => new PortGroup(g.Id, g.Name))));
        }
        Assert.That(ports[999_999], Is.Empty);
        Assert.That((await Groups.PortsOfServersAsync("u2", [set.ServerId.Value], None))[set.ServerId.Value], Is.Empty, "another user's server");
    }
}
