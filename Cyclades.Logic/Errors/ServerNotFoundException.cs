namespace Cyclades.Logic.Errors;

/// <summary>No server with these ids belongs to the user (another user's server is "not found" too).</summary>
public sealed class ServerNotFoundException(IReadOnlyList<long> serverIds)
    : DomainException($"Server(s) not found: {string.Join(", ", serverIds)}.")
{
    public IReadOnlyList<long> ServerIds { get; } = serverIds;
}
