using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

/// <summary>The actions a server's owner can forbid until they clear the setting (<see cref="ServerSettings"/>).</summary>
public static class ServerProtection
{
    private static readonly IReadOnlyDictionary<ServerAction, Func<ServerSettings, bool>> Forbidden = new Dictionary<ServerAction, Func<ServerSettings, bool>>
    {
        [ServerAction.Destroy] = s => s.DestroyProtected,
        [ServerAction.Stop] = s => s.StopProtected,
    };

    /// <exception cref="ServerProtectedException">The server's settings forbid <paramref name="action"/>.</exception>
    public static void EnsureAllowed(Server server, ServerAction action)
    {
        if (Forbidden.TryGetValue(action, out var forbids) && forbids(server.Settings))
        {
            throw new ServerProtectedException(server.Id, action);
        }
    }
}
