using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Tests.Logic.SecurityGroups;

[Category("Unit")]
public sealed class RuleNormalizerTests
{
    private static RuleSpec Rule(string protocol, int? from, int? to, RulePeer? peer = null, string? description = null) =>
        new(RuleDirection.Ingress, protocol, from, to, peer ?? RulePeer.Ipv4("0.0.0.0/0"), description);

    [TestCase("tcp", "tcp")]
    [TestCase("6", "tcp")]
    [TestCase("UDP", "udp")]
    [TestCase("17", "udp")]
    [TestCase("1", "icmp")]
    [TestCase("58", "icmpv6")]
    [TestCase("all", "-1")]
    [TestCase("-1", "-1")]
    [TestCase("50", "50")]
    [TestCase("0", "0")]
    public void Protocols_are_stored_by_name_where_they_have_one(string given, string stored) =>
        Assert.That(RuleNormalizer.Normalize(Rule(given, 1, 2)).Protocol, Is.EqualTo(stored));

    [TestCase("256")]
    [TestCase("sctpx")]
    [TestCase("")]
    [TestCase("+6")]
    public void Unknown_protocols_are_refused(string protocol) =>
        Assert.That(() => RuleNormalizer.Normalize(Rule(protocol, 1, 2)),
            Throws.TypeOf<InvalidRuleException>().With.Property(nameof(InvalidRuleException.Problem)).EqualTo(RuleProblem.Protocol));

    [Test]
    public void Ports_are_kept_only_where_they_mean_something()
    {
        Assert.That(Ports(Rule("-1", 0, 0)), Is.EqualTo(((int?)null, (int?)null)), "Terraform's FromPort=0&ToPort=0 for all protocols");
        Assert.That(Ports(Rule("-1", 22, 80)), Is.EqualTo(((int?)null, (int?)null)));
        Assert.That(Ports(Rule("50", 1, 2)), Is.EqualTo(((int?)null, (int?)null)));
        Assert.That(Ports(Rule("tcp", 0, 65535)), Is.EqualTo(((int?)0, (int?)65535)));
        Assert.That(Ports(Rule("icmp", 8, null)), Is.EqualTo(((int?)8, (int?)-1)));
        Assert.That(Ports(Rule("icmpv6", null, null)), Is.EqualTo(((int?)-1, (int?)-1)));
    }

    [TestCase("tcp", null, 80)]
    [TestCase("udp", 80, null)]
    [TestCase("tcp", 81, 80)]
    [TestCase("tcp", -1, -1)]
    [TestCase("tcp", 0, 65536)]
    [TestCase("icmp", -1, 0)]
    [TestCase("icmp", 256, 0)]
    [TestCase("icmp", 3, -2)]
    public void Meaningless_ports_are_refused(string protocol, int? from, int? to) =>
        Assert.That(() => RuleNormalizer.Normalize(Rule(protocol, from, to)),
            Throws.TypeOf<InvalidRuleException>().With.Property(nameof(InvalidRuleException.Problem)).EqualTo(RuleProblem.Ports));

    [TestCase("100.68.0.18/18", false, "100.68.0.0/18")]
    [TestCase("10.1.2.3/32", false, "10.1.2.3/32")]
    [TestCase("0.0.0.0/0", false, "0.0.0.0/0")]
    [TestCase("10.1.2.3/0", false, "0.0.0.0/0")]
    [TestCase("2001:DB8:0:0::1/32", true, "2001:db8::/32")]
    [TestCase("::/0", true, "::/0")]
    [TestCase("fe80::1:2/127", true, "fe80::1:2/127")]
    public void Cidr_blocks_are_canonical(string given, bool ipv6, string canonical) =>
        Assert.That(CidrBlocks.Canonical(given, ipv6), Is.EqualTo(canonical));

    [TestCase("10.0.0.1", false)]
    [TestCase("10.0.0/8", false)]
    [TestCase("10.0.0.0/33", false)]
    [TestCase("10.0.0.0/-1", false)]
    [TestCase("::/0", false)]
    [TestCase("10.0.0.0/8", true)]
    [TestCase("::/129", true)]
    [TestCase("nonsense", true)]
    public void Malformed_cidr_blocks_are_refused(string cidr, bool ipv6) =>
        Assert.That(() => CidrBlocks.Canonical(cidr, ipv6),
            Throws.TypeOf<InvalidRuleException>().With.Property(nameof(InvalidRuleException.Problem)).EqualTo(RuleProblem.Cidr));

    [Test]
    public void A_rule_names_exactly_one_peer()
    {
        Assert.That(() => RuleNormalizer.Normalize(Rule("-1", null, null, new RulePeer())), Throws.TypeOf<InvalidRuleException>());
        Assert.That(() => RuleNormalizer.Normalize(Rule("-1", null, null, new RulePeer("0.0.0.0/0", GroupId: 3))), Throws.TypeOf<InvalidRuleException>());
        Assert.That(RuleNormalizer.Normalize(Rule("-1", null, null, new RulePeer(PrefixListId: "pl-1"))).Peer.PrefixListId, Is.EqualTo("pl-1"));
    }

    [Test]
    public void Identity_is_direction_protocol_ports_and_peer_not_the_description()
    {
        string Id(RuleSpec rule) => RuleNormalizer.Identity(RuleNormalizer.Normalize(rule));

        Assert.That(Id(Rule("6", 22, 22, RulePeer.Ipv4("10.9.9.9/8"), "a")), Is.EqualTo(Id(Rule("tcp", 22, 22, RulePeer.Ipv4("10.0.0.0/8"), "b"))));
        Assert.That(Id(Rule("all", 0, 0)), Is.EqualTo(Id(Rule("-1", null, null))));
        Assert.That(Id(Rule("tcp", 22, 22)), Is.Not.EqualTo(Id(Rule("tcp", 22, 23))));
        Assert.That(Id(Rule("tcp", 22, 22)), Is.Not.EqualTo(Id(Rule("tcp", 22, 22) with { Direction = RuleDirection.Egress })));
        Assert.That(Id(Rule("-1", null, null, RulePeer.Group(5))), Is.Not.EqualTo(Id(Rule("-1", null, null, RulePeer.Group(6)))));
        Assert.That(Id(Rule("-1", null, null, RulePeer.Ipv4("0.0.0.0/0"))), Is.Not.EqualTo(Id(Rule("-1", null, null, RulePeer.Ipv6("::/0")))));
    }

    [Test]
    public void A_description_longer_than_255_characters_is_refused() =>
        Assert.That(() => RuleNormalizer.Normalize(Rule("-1", null, null, description: new string('d', 256))),
            Throws.TypeOf<InvalidRuleException>().With.Property(nameof(InvalidRuleException.Problem)).EqualTo(RuleProblem.Description));

    private static (int?, int?) Ports(RuleSpec rule)
    {
        var normalized = RuleNormalizer.Normalize(rule);
        return (normalized.FromPort, normalized.ToPort);
    }
}
