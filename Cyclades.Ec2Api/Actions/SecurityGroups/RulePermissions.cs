using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>
/// The rules a request names, as core rules: each <c>IpPermissions.N</c> becomes one rule per peer;
/// the legacy top-level form one rule, or (a source group without a protocol) the three AWS grants:
/// all of ICMP, TCP and UDP.
/// </summary>
public sealed class RulePermissions(SecurityGroupLookup lookup)
{
    public async Task<IReadOnlyList<RuleSpec>> ToRulesAsync(
        Ec2Caller caller, SecurityGroup group, RuleDirection direction, SecurityGroupRulesRequest request, CancellationToken cancellationToken)
    {
        var permissions = request.HasLegacyForm ? await LegacyAsync(caller, group, request, cancellationToken) : request.IpPermissions;
        if (permissions.Count == 0)
        {
            throw Ec2Errors.MissingParameter("IpPermissions");
        }
        var rules = new List<RuleSpec>();
        foreach (var permission in permissions)
        {
            var protocol = permission.IpProtocol ?? throw Ec2Errors.MissingParameter("IpPermissions.N.IpProtocol");
            RuleSpec Rule(RulePeer peer, string? description) => new(direction, protocol, permission.FromPort, permission.ToPort, peer, description);
            var before = rules.Count;
            rules.AddRange(permission.IpRanges.Select(r => Rule(RulePeer.Ipv4(r.CidrIp ?? throw Ec2Errors.MissingParameter("IpRanges.N.CidrIp")), r.Description)));
            rules.AddRange(permission.Ipv6Ranges.Select(r => Rule(RulePeer.Ipv6(r.CidrIpv6 ?? throw Ec2Errors.MissingParameter("Ipv6Ranges.N.CidrIpv6")), r.Description)));
            rules.AddRange(permission.PrefixListIds.Select(p => Rule(
                new RulePeer(PrefixListId: p.PrefixListId ?? throw Ec2Errors.MissingParameter("PrefixListIds.N.PrefixListId")), p.Description)));
            foreach (var pair in permission.Groups)
            {
                rules.Add(Rule(RulePeer.Group(await lookup.PeerAsync(caller, group.NetworkId, pair.GroupId, pair.GroupName, cancellationToken)), pair.Description));
            }
            if (rules.Count == before)
            {
                throw Ec2Errors.InvalidPermissionMalformed(
                    "Each IP permission must name at least one peer: IpRanges, Ipv6Ranges, PrefixListIds or Groups.");
            }
        }
        return rules;
    }

    private async Task<IReadOnlyList<IpPermissionParameter>> LegacyAsync(
        Ec2Caller caller, SecurityGroup group, SecurityGroupRulesRequest request, CancellationToken cancellationToken)
    {
        if (request.IpPermissions.Count > 0)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameter IpPermissions cannot be used with the top-level rule parameters (IpProtocol, FromPort, ToPort, CidrIp, SourceSecurityGroupName).");
        }
        if (request.SourceSecurityGroupName is not { } source)
        {
            return [new IpPermissionParameter
            {
                IpProtocol = request.IpProtocol, FromPort = request.FromPort, ToPort = request.ToPort,
                IpRanges = [new IpRangeParameter { CidrIp = request.CidrIp ?? throw Ec2Errors.MissingParameter("CidrIp") }],
            }];
        }
        if (request.CidrIp is not null)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameter CidrIp cannot be used with the parameter SourceSecurityGroupName.");
        }
        var peer = new GroupPairParameter { GroupId = SecurityGroupIds.Of(await lookup.PeerAsync(caller, group.NetworkId, null, source, cancellationToken)) };
        IpPermissionParameter Grant(string protocol, int from, int to) =>
            new() { IpProtocol = protocol, FromPort = from, ToPort = to, Groups = [peer] };
        return request.IpProtocol is null
            ? [Grant("icmp", -1, -1), Grant("tcp", 0, RuleNormalizer.MaxPort), Grant("udp", 0, RuleNormalizer.MaxPort)]
            : [new IpPermissionParameter { IpProtocol = request.IpProtocol, FromPort = request.FromPort, ToPort = request.ToPort, Groups = [peer] }];
    }
}
