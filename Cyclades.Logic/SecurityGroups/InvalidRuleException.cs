using Cyclades.Logic.Errors;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>What is wrong with a rule that cannot be stored.</summary>
public enum RuleProblem
{
    Protocol,
    Ports,
    Cidr,
    Peer,
    Description,
}

/// <summary>A rule that cannot be stored; nothing of its request was changed.</summary>
public sealed class InvalidRuleException(RuleProblem problem, string message) : DomainException(message)
{
    public RuleProblem Problem { get; } = problem;
}
