namespace Cyclades.Logic.Events;

public enum EventOutcome
{
    /// <summary>A final status was applied to the server.</summary>
    Applied,

    /// <summary>A status the job has not finished in: only the last-job fields were recorded.</summary>
    Progress,

    /// <summary>A final status not newer than the last change applied: the state was kept.</summary>
    Stale,

    /// <summary>The instance name does not carry our prefix and a server id.</summary>
    NotOurs,

    /// <summary>No server has that instance name.</summary>
    UnknownServer,

    /// <summary>The server lives on another backend than the event came from.</summary>
    OtherBackend,

    /// <summary>The server is already deleted.</summary>
    DeletedServer,
}

/// <summary>What the processor did with an event, for the dispatcher's logs and metrics.</summary>
/// <param name="TaskCleared">The event finished the server's pending task.</param>
public sealed record EventResult(EventOutcome Outcome, long? ServerId = null, bool TaskCleared = false);
