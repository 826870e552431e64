using Cyclades.Logic.Errors;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>The user has no such group (another user's group is as unknown as one that never was).</summary>
public sealed class SecurityGroupNotFoundException(long? groupId, string? name = null)
    : DomainException(groupId is null ? $"Security group '{name}' does not exist." : $"Security group {groupId} does not exist.")
{
    public long? GroupId { get; } = groupId;

    public string? Name { get; } = name;
}

/// <summary>The network already has a group of this name (in any case).</summary>
public sealed class SecurityGroupExistsException(string name, long networkId)
    : DomainException($"Security group '{name}' already exists on network {networkId}.")
{
    public string Name { get; } = name;

    public long NetworkId { get; } = networkId;
}

/// <summary>A default group is deleted only with its network.</summary>
public sealed class DefaultSecurityGroupException(long groupId, string name)
    : DomainException($"Security group {groupId} ('{name}') is its network's default group and cannot be deleted.")
{
    public long GroupId { get; } = groupId;

    public string Name { get; } = name;
}

/// <summary>A port uses the group, or a rule of another group names it.</summary>
public sealed class SecurityGroupInUseException(long groupId)
    : DomainException($"Security group {groupId} is in use by a port or by another group's rule.")
{
    public long GroupId { get; } = groupId;
}

/// <summary>A referenced group is on another network than the group whose rule names it.</summary>
public sealed class SecurityGroupNetworkMismatchException(long groupId, long referencedGroupId)
    : DomainException($"Security group {referencedGroupId} is not on the network of security group {groupId}.")
{
    public long GroupId { get; } = groupId;

    public long ReferencedGroupId { get; } = referencedGroupId;
}

/// <summary>The group already has this rule (or the request names it twice); no rule was added.</summary>
public sealed class SecurityGroupRuleExistsException(long groupId, RuleSpec rule)
    : DomainException($"Security group {groupId} already has the rule {RuleNormalizer.Identity(rule)}.")
{
    public long GroupId { get; } = groupId;

    public RuleSpec Rule { get; } = rule;
}

/// <summary>The group has no such rule; no rule was revoked.</summary>
public sealed class SecurityGroupRuleNotFoundException(long groupId, RuleSpec rule)
    : DomainException($"Security group {groupId} has no rule {RuleNormalizer.Identity(rule)}.")
{
    public long GroupId { get; } = groupId;

    public RuleSpec Rule { get; } = rule;
}

/// <summary>No rule of the user's (of this group and direction, when given) has this id.</summary>
public sealed class SecurityGroupRuleIdNotFoundException(long ruleId)
    : DomainException($"Security group rule {ruleId} does not exist.")
{
    public long RuleId { get; } = ruleId;
}

/// <summary>The group would hold more rules of one direction than allowed; no rule was added.</summary>
public sealed class SecurityGroupRuleLimitException(long groupId, RuleDirection direction, int limit)
    : DomainException($"Security group {groupId} would have more than {limit} {direction.ToString().ToLowerInvariant()} rules.")
{
    public long GroupId { get; } = groupId;

    public RuleDirection Direction { get; } = direction;

    public int Limit { get; } = limit;
}

/// <summary>The user has no port with this id (to set its groups).</summary>
public sealed class PortNotFoundForGroupsException(long portId)
    : DomainException($"Port {portId} does not exist.")
{
    public long PortId { get; } = portId;
}

/// <summary>A port would be a member of more groups than allowed; nothing changed.</summary>
public sealed class TooManySecurityGroupsException(long portId, int limit)
    : DomainException($"Port {portId} would be a member of more than {limit} security groups.")
{
    public long PortId { get; } = portId;

    public int Limit { get; } = limit;
}
