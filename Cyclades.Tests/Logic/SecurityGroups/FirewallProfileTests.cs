using Cyclades.Ganeti.Rapi;
using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Tests.Logic.SecurityGroups;

[Category("Unit")]
public sealed class FirewallProfileTests
{
    private static RuleSpec In(string protocol, RulePeer peer, int? from = null, int? to = null) => new(RuleDirection.Ingress, protocol, from, to, peer);

    private static readonly RulePeer Anywhere = RulePeer.Ipv4("0.0.0.0/0");

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(Array.Empty<RuleSpec>(), FirewallProfile.Enabled).SetName("no rules: enabled");
        yield return new TestCaseData(new[] { In("-1", RulePeer.Group(7)), SecurityGroupService.AllowAllEgress }, FirewallProfile.Enabled)
            .SetName("the default group's rules: enabled");
        yield return new TestCaseData(new[] { In("tcp", RulePeer.Ipv4("10.0.0.0/8"), 22, 22) }, FirewallProfile.Enabled).SetName("a smaller block: enabled");
        yield return new TestCaseData(new[] { In("-1", RulePeer.Ipv4("0.0.0.0/1")) }, FirewallProfile.Enabled).SetName("half the world: enabled");
        yield return new TestCaseData(new[] { In("-1", RulePeer.Ipv6("::/0")) }, FirewallProfile.Enabled).SetName("IPv6 anywhere: enabled (no IPv6 on NICs)");
        yield return new TestCaseData(new[] { In("-1", new RulePeer(PrefixListId: "pl-1")) }, FirewallProfile.Enabled).SetName("a prefix list: enabled");
        yield return new TestCaseData(new[] { new RuleSpec(RuleDirection.Egress, "-1", null, null, Anywhere) }, FirewallProfile.Enabled)
            .SetName("egress to anywhere: enabled");
        yield return new TestCaseData(new[] { In("tcp", Anywhere, 22, 22) }, FirewallProfile.Protected).SetName("ssh from anywhere: protected");
        yield return new TestCaseData(new[] { In("icmp", Anywhere, -1, -1) }, FirewallProfile.Protected).SetName("ping from anywhere: protected");
        yield return new TestCaseData(new[] { In("tcp", Anywhere, 0, 65535), In("udp", Anywhere, 0, 65535) }, FirewallProfile.Protected)
            .SetName("every tcp and udp port from anywhere: protected");
        yield return new TestCaseData(new[] { In("tcp", Anywhere, 22, 22), In("-1", Anywhere) }, FirewallProfile.Disabled).SetName("all from anywhere: disabled");
    }

    [TestCaseSource(nameof(Cases))]
    public void A_ports_profile_follows_what_its_groups_let_in_from_anywhere(RuleSpec[] rules, FirewallProfile profile) =>
        Assert.That(FirewallProfiles.Of(rules), Is.EqualTo(profile));

    /// <summary>Every subset of a pool of rules: adding a rule never makes a port's profile stricter.</summary>
    [Test]
    public void Opening_more_never_makes_the_profile_stricter()
    {
        RuleSpec[] pool =
        [
            In("-1", RulePeer.Group(1)), In("tcp", RulePeer.Ipv4("10.0.0.0/8"), 22, 22), In("tcp", Anywhere, 80, 80),
            In("icmp", Anywhere, -1, -1), In("-1", Anywhere), SecurityGroupService.AllowAllEgress, In("-1", RulePeer.Ipv6("::/0")),
        ];
        for (var mask = 0; mask < 1 << pool.Length; mask++)
        {
            var rules = pool.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            for (var extra = 0; extra < pool.Length; extra++)
            {
                Assert.That(Strictness(FirewallProfiles.Of([.. rules, pool[extra]])), Is.LessThanOrEqualTo(Strictness(FirewallProfiles.Of(rules))),
                    $"{string.Join(", ", rules)} + {pool[extra]}");
            }
        }

        static int Strictness(FirewallProfile profile) => profile switch
        {
            FirewallProfile.Enabled => 2,
            FirewallProfile.Protected => 1,
            _ => 0,
        };
    }

    [Test]
    public void The_tags_are_synnefos_crossed_suffixes_and_one_record_per_group()
    {
        Assert.That(FirewallTags.ProfileTag(42, FirewallProfile.Enabled), Is.EqualTo("synnefo:network:snf-nic-42:protected"));
        Assert.That(FirewallTags.ProfileTag(42, FirewallProfile.Protected), Is.EqualTo("synnefo:network:snf-nic-42:limited"));
        Assert.That(FirewallTags.ProfileTag(42, FirewallProfile.Disabled), Is.Null);
        Assert.That(FirewallTags.GroupTag(42, 7), Is.EqualTo("cyclades:sg:snf-nic-42:7"));
        Assert.That(FirewallTags.IsFirewallTag("synnefo:network:snf-nic-1:limited") && FirewallTags.IsFirewallTag("cyclades:sg:snf-nic-1:2"));
        Assert.That(FirewallTags.IsFirewallTag("synnefo:network:0:protected") || FirewallTags.IsFirewallTag("ec2:ami:ami-1"), Is.False);
    }

    [Test]
    public void The_tags_of_the_largest_ids_are_valid_ganeti_tags()
    {
        var group = new SecurityGroupWithRules(new SecurityGroup(long.MaxValue, "u", 1, "g", "d", false, DateTimeOffset.UnixEpoch), []);

        var tags = FirewallTags.Of(long.MaxValue, [group, group with { Group = group.Group with { Id = 1 } }]);

        Assert.That(tags, Is.EqualTo(new[]
        {
            $"synnefo:network:snf-nic-{long.MaxValue}:protected", $"cyclades:sg:snf-nic-{long.MaxValue}:1", $"cyclades:sg:snf-nic-{long.MaxValue}:{long.MaxValue}",
        }));
        Assert.That(tags, Has.All.Matches<string>(tag => tag is not null && GanetiTags.IsValid(tag)));
    }
}
