using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;
using SecurityGroup = Amazon.EC2.Model.SecurityGroup;
using SecurityGroupService = Cyclades.Logic.SecurityGroups.SecurityGroupService;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.SecurityGroups;

/// <summary>Security groups and their rules through AWSSDK.EC2, with AWS's codes and shapes.</summary>
public sealed class SecurityGroupsContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    private string _defaultVpc = null!;

    [OneTimeSetUp]
    public async Task FindTheDefaultVpc()
    {
        var network = await Host.Services.GetRequiredService<NetworkQueries>().GetDefaultNetworkAsync(await Host.LogicUserIdAsync(TestUser.Alice), CancellationToken.None);
        _defaultVpc = "vpc-" + network.Id.ToString("x17", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Name() => "grp-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<SecurityGroup> DescribeAsync(string groupId) =>
        (await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] })).SecurityGroups.Single();

    private async Task<string> CreateAsync(string? name = null) =>
        (await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name ?? Name(), Description = "test group" })).GroupId;

    private static IpPermission Tcp(int from, int to, params string[] cidrs) => new()
    {
        IpProtocol = "tcp", FromPort = from, ToPort = to, Ipv4Ranges = cidrs.Select(c => new IpRange { CidrIp = c }).ToList(),
    };

    [Test]
    public async Task The_default_vpc_has_a_default_group_allowing_its_members_in_and_everything_out()
    {
        var groups = (await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["default"]), new Filter("vpc-id", [_defaultVpc])],
        })).SecurityGroups;

        var group = groups.Single();
        Assert.That(group.GroupId, Does.Match("^sg-[0-9a-f]{17}$"));
        Assert.That((group.Description, group.VpcId), Is.EqualTo(("default VPC security group", _defaultVpc)));
        Assert.That(group.OwnerId, Does.Match("^[0-9]{12}$"));
        var ingress = group.IpPermissions.Single();
        Assert.That((ingress.IpProtocol, ingress.FromPort, ingress.ToPort), Is.EqualTo(("-1", (int?)null, (int?)null)));
        Assert.That(ingress.UserIdGroupPairs.Single().GroupId, Is.EqualTo(group.GroupId));
        Assert.That(ingress.UserIdGroupPairs.Single().UserId, Is.EqualTo(group.OwnerId));
        var egress = group.IpPermissionsEgress.Single();
        Assert.That((egress.IpProtocol, egress.Ipv4Ranges.Single().CidrIp), Is.EqualTo(("-1", "0.0.0.0/0")));

        var delete = await FailsAsync(() => Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }));
        Assert.That((delete.ErrorCode, delete.Message),
            Is.EqualTo(("CannotDelete", $"the specified group: \"{group.GroupId}\" name: \"default\" cannot be deleted by a user")));
        var byName = await FailsAsync(() => Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "default", Description = "x" }));
        Assert.That(byName.ErrorCode, Is.EqualTo("InvalidGroup.Reserved"));
    }

    [Test]
    public async Task A_new_group_starts_with_the_allow_all_egress_rule_and_its_tags()
    {
        var name = Name();
        var created = await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = name, Description = "web servers",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag("team", "web")] }],
        });

        var group = await DescribeAsync(created.GroupId);
        Assert.That(created.SecurityGroupArn, Does.StartWith("arn:aws:ec2:cyclades-1:").And.EndWith(":security-group/" + created.GroupId));
        Assert.That((group.GroupName, group.Description, group.IpPermissions?.Count ?? 0), Is.EqualTo((name, "web servers", 0)));
        Assert.That(group.IpPermissionsEgress.Single().Ipv4Ranges.Single().CidrIp, Is.EqualTo("0.0.0.0/0"));
        Assert.That(group.Tags.Single(), Is.EqualTo(new Tag("team", "web")).Using<Tag>((a, b) => a.Key == b.Key && a.Value == b.Value));
        var rules = (await Alice.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest
        {
            Filters = [new Filter("group-id", [created.GroupId])],
        })).SecurityGroupRules;
        Assert.That(rules.Single().SecurityGroupRuleId, Does.Match("^sgr-[0-9a-f]{17}$"));
        Assert.That((rules.Single().IsEgress, rules.Single().IpProtocol, rules.Single().FromPort, rules.Single().ToPort, rules.Single().CidrIpv4),
            Is.EqualTo(((bool?)true, "-1", (int?)-1, (int?)-1, "0.0.0.0/0")));

        var duplicate = await FailsAsync(() => Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name.ToUpperInvariant(), Description = "again" }));
        Assert.That((duplicate.ErrorCode, duplicate.Message),
            Is.EqualTo(("InvalidGroup.Duplicate", $"The security group '{name.ToUpperInvariant()}' already exists for VPC '{_defaultVpc}'")));
    }

    [Test]
    public async Task Authorize_returns_one_rule_per_peer_and_refuses_duplicates_all_or_nothing()
    {
        var id = await CreateAsync();
        var other = await CreateAsync();

        var authorized = await Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id,
            IpPermissions =
            [
                Tcp(22, 22, "10.1.2.3/8", "192.168.0.0/16"),
                new IpPermission { IpProtocol = "6", FromPort = 443, ToPort = 443, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "2001:DB8::1/32", Description = "v6" }] },
                new IpPermission { IpProtocol = "icmp", FromPort = 8, ToPort = -1, UserIdGroupPairs = [new UserIdGroupPair { GroupId = other, Description = "peers" }] },
            ],
        });

        Assert.That(authorized.Return, Is.True);
        var rules = authorized.SecurityGroupRules;
        Assert.That(rules.Select(r => (r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupInfo?.GroupId, r.Description)), Is.EqualTo(new[]
        {
            ("tcp", (int?)22, (int?)22, "10.0.0.0/8", (string?)null),
            ("tcp", 22, 22, "192.168.0.0/16", null),
            ("tcp", 443, 443, "2001:db8::/32", "v6"),
            ("icmp", 8, -1, other, "peers"),
        }));
        Assert.That(rules.All(r => r.GroupId == id && r.IsEgress == false), Is.True);

        var group = await DescribeAsync(id);
        var ssh = group.IpPermissions.Single(p => p.FromPort == 22);
        Assert.That(ssh.Ipv4Ranges.Select(r => r.CidrIp), Is.EqualTo(new[] { "10.0.0.0/8", "192.168.0.0/16" }), "folded by protocol and ports");
        Assert.That(group.IpPermissions, Has.Count.EqualTo(3));

        var duplicate = await FailsAsync(() => Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id, IpPermissions = [Tcp(80, 80, "0.0.0.0/0"), Tcp(22, 22, "10.9.9.9/8")],
        }));
        Assert.That((duplicate.ErrorCode, duplicate.Message),
            Is.EqualTo(("InvalidPermission.Duplicate", "the specified rule \"peer: 10.0.0.0/8, TCP, from port: 22, to port: 22, ALLOW\" already exists")));
        Assert.That((await DescribeAsync(id)).IpPermissions.Any(p => p.FromPort == 80), Is.False, "nothing of the refused request was added");
    }

    [Test]
    public async Task Revoke_matches_protocol_all_whatever_its_ports_and_answers_the_revoked_rules()
    {
        var id = await CreateAsync();

        var revoked = await Alice.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "-1", FromPort = 0, ToPort = 0, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });

        Assert.That(revoked.Return, Is.True);
        Assert.That(revoked.RevokedSecurityGroupRules.Single().CidrIpv4, Is.EqualTo("0.0.0.0/0"));
        Assert.That(revoked.UnknownIpPermissions ?? [], Is.Empty);
        Assert.That((await DescribeAsync(id)).IpPermissionsEgress ?? [], Is.Empty);
    }

    [Test]
    public async Task Revoking_a_missing_rule_lists_it_as_unknown_in_the_default_vpc_and_fails_elsewhere()
    {
        var id = await CreateAsync();
        var unknown = await Alice.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = id,
            IpPermissions = [new IpPermission { IpProtocol = "-1", FromPort = 0, ToPort = 0, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] }],
        });
        Assert.That(unknown.UnknownIpPermissions.Single().Ipv6Ranges.Single().CidrIpv6, Is.EqualTo("::/0"));
        Assert.That(unknown.RevokedSecurityGroupRules ?? [], Is.Empty);

        // A group of another (non-default) network, made through the core.
        var elsewhere = await Host.Services.GetRequiredService<SecurityGroupService>()
            .CreateAsync(await Host.LogicUserIdAsync(TestUser.Alice), 77, Name(), "elsewhere", [], CancellationToken.None);
        var missing = await FailsAsync(() => Alice.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = "sg-" + elsewhere.Group.Id.ToString("x17", System.Globalization.CultureInfo.InvariantCulture),
            IpPermissions = [Tcp(22, 22, "0.0.0.0/0")],
        }));
        Assert.That((missing.ErrorCode, missing.StatusCode), Is.EqualTo(("InvalidPermission.NotFound", HttpStatusCode.BadRequest)));
    }

    [Test]
    public async Task Rules_are_revoked_and_modified_by_id()
    {
        var id = await CreateAsync();
        var added = (await Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id, IpPermissions = [Tcp(22, 22, "10.0.0.0/8"), Tcp(80, 80, "10.0.0.0/8")],
        })).SecurityGroupRules;

        await Alice.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = id,
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = added[1].SecurityGroupRuleId,
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 8080, ToPort = 8081, CidrIpv4 = "10.0.0.0/16", Description = "alt" },
            }],
        });
        var revoked = await Alice.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = id, SecurityGroupRuleIds = [added[0].SecurityGroupRuleId],
        });
        var unknownId = await FailsAsync(() => Alice.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = id, SecurityGroupRuleIds = [added[0].SecurityGroupRuleId],
        }));
        var described = await Alice.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [added[1].SecurityGroupRuleId] });

        Assert.That(revoked.RevokedSecurityGroupRules.Single().SecurityGroupRuleId, Is.EqualTo(added[0].SecurityGroupRuleId));
        Assert.That((unknownId.ErrorCode, unknownId.Message),
            Is.EqualTo(("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{added[0].SecurityGroupRuleId}' does not exist")));
        var rule = described.SecurityGroupRules.Single();
        Assert.That((rule.FromPort, rule.ToPort, rule.CidrIpv4, rule.Description), Is.EqualTo(((int?)8080, (int?)8081, "10.0.0.0/16", "alt")));
    }

    private static IEnumerable<TestCaseData> InvalidRules()
    {
        TestCaseData Case(string name, IpPermission permission, string code) => new TestCaseData(permission, code).SetName("Invalid rule: " + name);
        yield return Case("tcp without ports", new IpPermission { IpProtocol = "tcp", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }, "InvalidParameterValue");
        yield return Case("a reversed port range", Tcp(90, 80, "0.0.0.0/0"), "InvalidParameterValue");
        yield return Case("a port above 65535", Tcp(1, 70000, "0.0.0.0/0"), "InvalidParameterValue");
        yield return Case("an unknown protocol", new IpPermission { IpProtocol = "sctpx", Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }, "InvalidParameterValue");
        yield return Case("a CIDR without prefix", Tcp(22, 22, "10.0.0.1"), "InvalidParameterValue");
        yield return Case("an IPv6 block as IPv4", Tcp(22, 22, "::/0"), "InvalidParameterValue");
        yield return Case("no peer", new IpPermission { IpProtocol = "tcp", FromPort = 1, ToPort = 2 }, "InvalidPermission.Malformed");
        yield return Case("all ICMP types with one code", new IpPermission { IpProtocol = "icmp", FromPort = -1, ToPort = 3, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }, "InvalidParameterValue");
        yield return Case("a malformed group peer", new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = "sg-xyz" }] }, "InvalidGroupId.Malformed");
        yield return Case("an unknown group peer", new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = "sg-0000000000000dead" }] }, "InvalidGroup.NotFound");
    }

    [TestCaseSource(nameof(InvalidRules))]
    public async Task Invalid_rules_are_refused_with_awss_codes(IpPermission permission, string code)
    {
        var id = await CreateAsync();

        var error = await FailsAsync(() => Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = id, IpPermissions = [permission] }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That((await DescribeAsync(id)).IpPermissions ?? [], Is.Empty);
    }

    [Test]
    public async Task A_group_another_group_names_or_a_port_uses_cannot_be_deleted()
    {
        var name = Name();
        var used = await CreateAsync(name);
        var user = await CreateAsync();
        var rule = (await Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = user, IpPermissions = [new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = used }] }],
        })).SecurityGroupRules.Single();

        var referenced = await FailsAsync(() => Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = used }));
        await Alice.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = user, SecurityGroupRuleIds = [rule.SecurityGroupRuleId] });
        var deleted = await Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupName = name });
        var gone = await FailsAsync(() => Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [used] }));
        var again = await FailsAsync(() => Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = used }));

        Assert.That((referenced.ErrorCode, referenced.Message), Is.EqualTo(("DependencyViolation", $"resource {used} has a dependent object")));
        Assert.That((deleted.Return, deleted.GroupId), Is.EqualTo(((bool?)true, used)));
        Assert.That((gone.ErrorCode, gone.Message), Is.EqualTo(("InvalidGroup.NotFound", $"The security group '{used}' does not exist")));
        Assert.That(again.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
    }

    [Test]
    public async Task Describe_filters_by_name_description_permissions_and_tags_and_pages()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var created = await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
            {
                GroupName = $"page-{marker}-{i}", Description = $"page {marker}",
                TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag("batch", marker)] }],
            });
            ids.Add(created.GroupId);
        }
        await Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = ids[2], IpPermissions = [Tcp(5432, 5432, "10.20.0.0/16")] });

        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                Filters = [new Filter("tag:batch", [marker])], MaxResults = 5, NextToken = token,
            });
            paged.AddRange(page.SecurityGroups.Select(g => g.GroupId));
            token = page.NextToken;
        }
        while (token is not null);
        var byPermission = await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("ip-permission.from-port", ["5432"]), new Filter("ip-permission.cidr", ["10.20.*"])],
        });
        var byNameAndVpc = await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", [$"page-{marker}-1"]), new Filter("vpc-id", [_defaultVpc]), new Filter("description", [$"page {marker}"])],
        });
        var byNames = await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupNames = [$"page-{marker}-3"] });
        var badName = await FailsAsync(() => Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupNames = ["nope-" + marker] }));
        var badId = await FailsAsync(() => Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-12"] }));
        var badFilter = await FailsAsync(() => Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("colour", ["red"])] }));

        Assert.That(paged, Is.EqualTo(ids));
        Assert.That(byPermission.SecurityGroups.Single().GroupId, Is.EqualTo(ids[2]));
        Assert.That(byNameAndVpc.SecurityGroups.Single().GroupId, Is.EqualTo(ids[1]));
        Assert.That(byNames.SecurityGroups.Single().GroupId, Is.EqualTo(ids[3]));
        Assert.That((badName.ErrorCode, badName.Message),
            Is.EqualTo(("InvalidGroup.NotFound", $"The security group 'nope-{marker}' does not exist in default VPC '{_defaultVpc}'")));
        Assert.That(badId.ErrorCode, Is.EqualTo("InvalidGroupId.Malformed"));
        Assert.That(badFilter.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    [Test]
    public async Task Groups_and_rules_take_tags_through_create_tags_and_describe_tags()
    {
        var id = await CreateAsync();
        var rule = (await Alice.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [id])] }))
            .SecurityGroupRules.Single().SecurityGroupRuleId;

        await Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [id, rule], Tags = [new Tag("Name", "web")] });
        var tags = await Alice.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [id, rule])] });
        var byTag = await Alice.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("tag:Name", ["web"]), new Filter("group-id", [id])] });
        var unknown = await FailsAsync(() => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = ["sg-0000000000000dead"], Tags = [new Tag("a", "b")] }));

        Assert.That(tags.Tags.Select(t => (t.ResourceId, t.ResourceType.Value)), Is.EquivalentTo(new[] { (id, "security-group"), (rule, "security-group-rule") }));
        Assert.That(byTag.SecurityGroupRules.Single().Tags.Single().Value, Is.EqualTo("web"));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
    }

    [Test]
    public async Task Dry_runs_check_everything_and_change_nothing()
    {
        var id = await CreateAsync();

        var create = await FailsAsync(() => Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = Name(), Description = "d", DryRun = true }));
        var authorize = await FailsAsync(() => Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id, IpPermissions = [Tcp(22, 22, "0.0.0.0/0")], DryRun = true,
        }));
        var invalid = await FailsAsync(() => Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = id, IpPermissions = [Tcp(22, 21, "0.0.0.0/0")], DryRun = true,
        }));
        var delete = await FailsAsync(() => Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = id, DryRun = true }));

        Assert.That(new[] { create.ErrorCode, authorize.ErrorCode, delete.ErrorCode }, Is.All.EqualTo("DryRunOperation"));
        Assert.That(invalid.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        var group = await DescribeAsync(id);
        Assert.That(group.IpPermissions ?? [], Is.Empty);
    }

    [Test]
    public async Task Another_users_groups_and_rules_are_unknown()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        var bobs = (await bob.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = Name(), Description = "bobs group" })).GroupId;
        var bobsRule = (await bob.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [bobs])] }))
            .SecurityGroupRules.Single().SecurityGroupRuleId;
        var mine = await CreateAsync();

        var calls = new Func<Task>[]
        {
            () => Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [bobs] }),
            () => Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = bobs }),
            () => Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = bobs, IpPermissions = [Tcp(1, 1, "0.0.0.0/0")] }),
            () => Alice.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = bobs, SecurityGroupRuleIds = [bobsRule] }),
            () => Alice.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = mine, IpPermissions = [new IpPermission { IpProtocol = "-1", UserIdGroupPairs = [new UserIdGroupPair { GroupId = bobs }] }],
            }),
            () => Alice.CreateTagsAsync(new CreateTagsRequest { Resources = [bobs], Tags = [new Tag("a", "b")] }),
        };
        foreach (var call in calls)
        {
            var error = await FailsAsync(async () => { await call(); return 0; });
            Assert.That((error.ErrorCode, error.Message), Is.EqualTo(("InvalidGroup.NotFound", $"The security group '{bobs}' does not exist")));
        }
        var rule = await FailsAsync(() => Alice.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [bobsRule] }));
        Assert.That(rule.ErrorCode, Is.EqualTo("InvalidSecurityGroupRuleId.NotFound"));
        Assert.That((await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups.Select(g => g.GroupId), Does.Not.Contain(bobs));
        Assert.That((await bob.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [bobs] })).SecurityGroups.Single().IpPermissionsEgress, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_instances_groups_are_its_interfaces_and_a_group_it_uses_cannot_be_deleted()
    {
        var instance = (await Alice.RunAsync()).Instances.Single().InstanceId;
        var web = await CreateAsync();
        var defaultGroup = (await Alice.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("group-name", ["default"]), new Filter("vpc-id", [_defaultVpc])],
        })).SecurityGroups.Single().GroupId;

        var before = await Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = instance, Attribute = "groupSet" });
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instance, Groups = [web, defaultGroup] });
        var after = await Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = instance, Attribute = "groupSet" });
        var inUse = await FailsAsync(() => Alice.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = web }));
        var unknown = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instance, Groups = ["sg-0000000000000dead"] }));

        Assert.That(before.InstanceAttribute.Groups.Select(g => (g.GroupId, g.GroupName)).Single(), Is.EqualTo((defaultGroup, "default")), "launched into the default group");
        Assert.That(after.InstanceAttribute.Groups.Select(g => g.GroupId), Is.EquivalentTo(new[] { web, defaultGroup }));
        Assert.That((inUse.ErrorCode, inUse.Message), Is.EqualTo(("DependencyViolation", $"resource {web} has a dependent object")));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
    }

    [Test]
    public async Task A_launch_names_its_groups_by_id_or_name_and_one_with_a_group_it_cannot_use_makes_nothing()
    {
        var name = Name();
        var web = await CreateAsync(name);
        var vpc = (await Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.61.0.0/16" })).Vpc;
        var elsewhere = (await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = Name(), Description = "x", VpcId = vpc.VpcId })).GroupId;
        var before = (await Alice.ListAsync()).Count;

        var byName = await Host.Boto3Async(TestUser.Alice, "run_instances",
            new { ImageId = ComputeHost.Image, InstanceType = ComputeHost.Type, MinCount = 2, MaxCount = 2, SecurityGroups = new[] { name } });
        var unknown = await FailsAsync(() => Alice.RunAsync(configure: r => r.SecurityGroupIds = ["sg-0000000000000dead"]));
        var otherVpc = await FailsAsync(() => Alice.RunAsync(configure: r => r.SecurityGroupIds = [web, elsewhere]));
        var unknownName = await Host.Boto3ErrorAsync(TestUser.Alice, "run_instances",
            new { ImageId = ComputeHost.Image, InstanceType = ComputeHost.Type, MinCount = 1, MaxCount = 1, SecurityGroups = new[] { "no-such-group" } });

        var launched = byName.GetProperty("Instances").EnumerateArray().Select(i => i.GetProperty("InstanceId").GetString()).ToList();
        Assert.That(byName.GetProperty("Instances").EnumerateArray().Select(i => i.GetProperty("SecurityGroups")[0].GetProperty("GroupId").GetString()),
            Is.EqualTo(new[] { web, web }));
        Assert.That(await Host.Boto3InstanceIdsAsync(TestUser.Alice, "instance.group-id", web), Is.EquivalentTo(launched));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That((otherVpc.ErrorCode, otherVpc.StatusCode), Is.EqualTo(("InvalidParameterValue", HttpStatusCode.BadRequest)));
        Assert.That(unknownName.Code, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That((await Alice.ListAsync()).Count, Is.EqualTo(before + 2), "the refused launches made no instance");
    }

    [Test]
    public async Task An_instance_and_its_interface_show_its_groups_and_the_group_filters_find_it()
    {
        var name = Name();
        var web = await CreateAsync(name);
        var launched = (await Alice.RunAsync(configure: r => r.SecurityGroupIds = [web])).Instances.Single();
        var other = (await Alice.RunAsync()).Instances.Single().InstanceId;
        var described = await Alice.DescribeOneAsync(launched.InstanceId);

        async Task<IReadOnlyList<string>> FoundAsync(string filter, string value) =>
            (await Alice.ListAsync(new Filter(filter, [value]))).Select(i => i.InstanceId).ToList();
        Task<IReadOnlyList<string?>> Boto3FoundAsync(string filter, string value) => Host.Boto3InstanceIdsAsync(TestUser.Alice, filter, value);

        foreach (var shown in new[] { launched, described })
        {
            Assert.That(shown.SecurityGroups.Select(g => (g.GroupId, g.GroupName)), Is.EqualTo(new[] { (web, name) }), shown.InstanceId);
            Assert.That(shown.NetworkInterfaces.Single().Groups.Select(g => (g.GroupId, g.GroupName)), Is.EqualTo(new[] { (web, name) }));
        }
        Assert.That(await FoundAsync("instance.group-id", web), Is.EqualTo(new[] { launched.InstanceId }));
        Assert.That(await FoundAsync("instance.group-name", name), Is.EqualTo(new[] { launched.InstanceId }));
        Assert.That(await FoundAsync("network-interface.group-id", web), Is.EqualTo(new[] { launched.InstanceId }));
        Assert.That(await FoundAsync("network-interface.group-name", name), Is.EqualTo(new[] { launched.InstanceId }));
        Assert.That(await Boto3FoundAsync("group-id", web), Is.EqualTo(new[] { launched.InstanceId }), "the EC2-Classic-era name");
        Assert.That(await Boto3FoundAsync("group-name", name), Is.EqualTo(new[] { launched.InstanceId }));
        Assert.That(await FoundAsync("instance.group-name", "default"), Does.Contain(other).And.Not.Contain(launched.InstanceId));
    }
}
