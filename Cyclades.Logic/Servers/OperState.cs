namespace Cyclades.Logic.Servers;

/// <summary>What the cluster last reported about a server (Synnefo's <c>operstate</c>).</summary>
public enum OperState
{
    Build,
    Started,
    Stopped,
    Error,
    Destroyed,
}

public static class OperStateExtensions
{
    /// <summary>Active servers count against the <c>cpu</c> and <c>ram</c> quotas.</summary>
    public static bool IsActive(this OperState state) =>
        state is OperState.Started or OperState.Build or OperState.Error;
}
