namespace Cyclades.Ganeti.Rapi.Errors;

/// <summary>Base of every error the RAPI client reports.</summary>
public abstract class GanetiException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The cluster could not be reached, or did not answer in time. A job may or may not exist.</summary>
public sealed class GanetiUnreachableException(string message, bool timedOut, Exception? inner = null)
    : GanetiException(message, inner)
{
    public bool TimedOut { get; } = timedOut;
}

/// <summary>The cluster answered something that is not the RAPI JSON this client understands.</summary>
public sealed class GanetiProtocolException(string message, Exception? inner = null) : GanetiException(message, inner);

/// <summary>A request this client refused to send (e.g. an invalid tag): nothing reached the cluster.</summary>
public sealed class GanetiInvalidRequestException(string message) : GanetiException(message);
