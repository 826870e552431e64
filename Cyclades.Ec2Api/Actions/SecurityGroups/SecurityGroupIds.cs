using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Logic.SecurityGroups;

namespace Cyclades.Ec2Api.Actions.SecurityGroups;

/// <summary>Security group ids: <c>sg-</c> + 17 hex digits of the group's id.</summary>
public static class SecurityGroupIds
{
    public const string Prefix = "sg-";

    public static string Of(long groupId) => Ec2Id.Format(Prefix, groupId);

    public static bool TryParse(string id, out long groupId) => Ec2Id.TryParse(Prefix, id, out groupId);

    /// <summary>The group as an instance or interface lists it (<c>groupSet</c>).</summary>
    public static GroupIdentifierItem ItemOf(SecurityGroup group) => ItemOf(new PortGroup(group.Id, group.Name));

    /// <inheritdoc cref="ItemOf(SecurityGroup)"/>
    public static GroupIdentifierItem ItemOf(PortGroup group) => new() { GroupId = Of(group.Id), GroupName = group.Name };
}

/// <summary>Security group rule ids: <c>sgr-</c> + 17 hex digits of the rule's id.</summary>
public static class SecurityGroupRuleIds
{
    public const string Prefix = "sgr-";

    public static string Of(long ruleId) => Ec2Id.Format(Prefix, ruleId);

    public static bool TryParse(string id, out long ruleId) => Ec2Id.TryParse(Prefix, id, out ruleId);
}
