namespace Cyclades.Logic.Quotas;

public enum CommissionState
{
    /// <summary>Issued; counts against limits but not yet in usage.</summary>
    Pending,

    /// <summary>Added to usage.</summary>
    Accepted,

    /// <summary>Dropped.</summary>
    Rejected,
}

/// <summary>A quota change: issued (pending), then accepted into usage or rejected. Its id is the serial.</summary>
/// <param name="Forced">Issued regardless of limits (changes the cluster made without asking us).</param>
public sealed record Commission(
    long Id,
    string UserId,
    long? ServerId,
    long? JobId,
    string Name,
    bool Forced,
    CommissionState State,
    Provisions Provisions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt);

/// <summary>What to issue.</summary>
public sealed record CommissionRequest(string UserId, Provisions Provisions, string Name, long? ServerId = null, long? JobId = null, bool Forced = false);
