using System.Net;
using System.Xml.Linq;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.SecurityGroups;

/// <summary>
/// What terraform-provider-aws sends for one <c>aws_security_group</c> (a name, a description, tags, one ingress and
/// one egress block), call by call as raw signed Query requests, from hashicorp/terraform-provider-aws
/// <c>internal/service/ec2/vpc_security_group.go</c> at 01606926a0c0ab9174aec440f976a48b0baee722 (aws-sdk-go-v2):
/// <list type="number">
/// <item><c>resourceSecurityGroupCreate</c>: CreateSecurityGroup GroupName, GroupDescription, TagSpecification.1
/// (security-group); <c>waitSecurityGroupCreated</c> → DescribeSecurityGroups GroupId.1; RevokeSecurityGroupEgress
/// IpPermissions.1 {FromPort=0, ToPort=0, IpProtocol=-1, IpRanges.1.CidrIp=0.0.0.0/0} — any error fails the apply;
/// the same with Ipv6Ranges.1.CidrIpv6=::/0, where only InvalidPermission.NotFound or an InvalidParameterValue
/// naming remote-ipv6-range is tolerated.</item>
/// <item><c>resourceSecurityGroupUpdate</c>: DescribeSecurityGroups GroupId.1; <c>updateSecurityGroupRules</c> with
/// <c>expandIPPerms</c>: AuthorizeSecurityGroupIngress (tcp 22–22, one CIDR with a description, self as Groups.1.GroupId)
/// and AuthorizeSecurityGroupEgress (protocol -1 sends no ports).</item>
/// <item><c>resourceSecurityGroupRead</c>: DescribeSecurityGroups GroupId.1; <c>securityGroupIPPermGather</c> reads
/// ipProtocol, fromPort, toPort, ipRanges (cidrIp, description), groups (groupId — its own id means <c>self</c>), ownerId,
/// vpcId, groupName, groupDescription, tagSet.</item>
/// <item><c>resourceSecurityGroupDelete</c>: DeleteSecurityGroup GroupId (DependencyViolation retried), then
/// DescribeSecurityGroups GroupId.1 until InvalidGroup.NotFound. (<c>deleteLingeringENIs</c>'
/// DescribeNetworkInterfaces belongs to the network interfaces' actions and is not replayed here.)</item>
/// </list>
/// </summary>
[Category("Contract")]
public sealed class TerraformSecurityGroupReplayTests : ComputeFixture
{
    private readonly List<string> _calls = [];

    [Test]
    public async Task An_aws_security_group_is_created_with_its_rules_read_and_destroyed()
    {
        var name = "terraform-" + Guid.NewGuid().ToString("N")[..16];
        var created = await CallAsync("CreateSecurityGroup", ("GroupDescription", "Managed by Terraform"), ("GroupName", name),
            ("TagSpecification.1.ResourceType", "security-group"), ("TagSpecification.1.Tag.1.Key", "Name"), ("TagSpecification.1.Tag.1.Value", "web"));
        var id = Text(created.Root!, "groupId")!;
        await CallAsync("DescribeSecurityGroups", ("GroupId.1", id));

        var revoked = await CallAsync("RevokeSecurityGroupEgress", ("GroupId", id), ("IpPermissions.1.FromPort", "0"),
            ("IpPermissions.1.IpProtocol", "-1"), ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"), ("IpPermissions.1.ToPort", "0"));
        Assert.That(Text(revoked.Root!, "return"), Is.EqualTo("true"));
        var ipv6 = await SendAsync("RevokeSecurityGroupEgress", ("GroupId", id), ("IpPermissions.1.FromPort", "0"),
            ("IpPermissions.1.IpProtocol", "-1"), ("IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0"), ("IpPermissions.1.ToPort", "0"));
        Assert.That(ipv6.Status == HttpStatusCode.OK || ipv6.ErrorCode == "InvalidPermission.NotFound", Is.True, ipv6.ToString());

        await CallAsync("DescribeSecurityGroups", ("GroupId.1", id));
        var ingress = await CallAsync("AuthorizeSecurityGroupIngress", ("GroupId", id), ("IpPermissions.1.FromPort", "22"),
            ("IpPermissions.1.Groups.1.GroupId", id), ("IpPermissions.1.IpProtocol", "tcp"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8"), ("IpPermissions.1.IpRanges.1.Description", "ssh"), ("IpPermissions.1.ToPort", "22"));
        var egress = await CallAsync("AuthorizeSecurityGroupEgress", ("GroupId", id), ("IpPermissions.1.IpProtocol", "-1"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"));
        Assert.That(Items(ingress.Root!, "securityGroupRuleSet").Count(), Is.EqualTo(2), "one rule per peer");
        Assert.That(Text(Items(egress.Root!, "securityGroupRuleSet").Single(), "securityGroupRuleId"), Does.Match("^sgr-[0-9a-f]{17}$"));

        for (var read = 0; read < 2; read++)
        {
            var group = Items((await CallAsync("DescribeSecurityGroups", ("GroupId.1", id))).Root!, "securityGroupInfo").Single();
            Assert.That((Text(group, "groupName"), Text(group, "groupDescription")), Is.EqualTo((name, "Managed by Terraform")));
            Assert.That(Text(group, "ownerId"), Does.Match("^[0-9]{12}$"));
            Assert.That(Text(group, "vpcId"), Does.StartWith("vpc-"));
            var permission = Items(group, "ipPermissions").Single();
            Assert.That((Text(permission, "ipProtocol"), Text(permission, "fromPort"), Text(permission, "toPort")), Is.EqualTo(("tcp", "22", "22")));
            Assert.That(Items(permission, "ipRanges").Select(r => (Text(r, "cidrIp"), Text(r, "description"))).Single(), Is.EqualTo(("10.0.0.0/8", "ssh")));
            Assert.That(Items(permission, "groups").Select(g => Text(g, "groupId")).Single(), Is.EqualTo(id), "self");
            var all = Items(group, "ipPermissionsEgress").Single();
            Assert.That((Text(all, "ipProtocol"), Text(all, "fromPort"), Text(all, "toPort")), Is.EqualTo(("-1", (string?)null, (string?)null)));
            Assert.That(Items(group, "tagSet").Select(t => (Text(t, "key"), Text(t, "value"))).Single(), Is.EqualTo(("Name", "web")));
        }

        await CallAsync("DeleteSecurityGroup", ("GroupId", id));
        var gone = await SendAsync("DescribeSecurityGroups", ("GroupId.1", id));
        Assert.That(gone.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"), gone.ToString());
    }

    private async Task<XDocument> CallAsync(string action, params (string Name, string Value)[] parameters)
    {
        var reply = await SendAsync(action, parameters);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), $"call {_calls.Count} {action} ({string.Join(" → ", _calls)}): {reply}");
        return reply.Xml;
    }

    private Task<Ec2Reply> SendAsync(string action, params (string Name, string Value)[] parameters)
    {
        _calls.Add(action);
        var body = string.Join('&', new[] { ("Action", action) }.Concat(parameters).Append(("Version", "2016-11-15"))
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
        return Ec2Reply.SendAsync(SignedRequest.Post(Host.Endpoint, TestUser.Alice, body));
    }

    private static IEnumerable<XElement> Items(XElement parent, string list) =>
        parent.Elements().Where(e => e.Name.LocalName == list).Elements().Where(e => e.Name.LocalName == "item");

    private static string? Text(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
