using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers;

/// <summary>
/// A resize that returns once the server has the new flavor, as a front-end whose callers expect the
/// change done when the call returns needs it. A resize already pending (a caller retrying after
/// <see cref="TaskWaitTimeoutException"/>) is waited for first, and is the answer if it gave the
/// server the flavor asked for.
/// </summary>
public sealed class ServerResizer(ServerCommands commands, ServerTaskWait wait, CatalogService catalog)
{
    public async Task<ServerView> ResizeAsync(string userId, long serverId, string flavorName, CancellationToken cancellationToken)
    {
        var target = await catalog.FindFlavorAsync(flavorName, cancellationToken) ?? throw new FlavorNotFoundException(flavorName);
        var current = await wait.GetAsync(userId, serverId, cancellationToken);
        if (current.Server.Task is { Action: ServerAction.Resize, JobId: { } pending })
        {
            current = await wait.UntilDoneAsync(userId, serverId, pending, cancellationToken);
            if (Has(current, target))
            {
                return current;
            }
        }
        var submitted = await commands.ResizeAsync(userId, serverId, flavorName, cancellationToken);
        var after = await wait.UntilDoneAsync(userId, serverId, submitted.After.Task!.JobId!.Value, cancellationToken);
        return Has(after, target) ? after : throw new ResizeFailedException(serverId, target.Name, after.Server.LastJob?.Message);
    }

    /// <summary>The dispatcher gives a resized server a flavor with the new compute, which may be a twin of the one asked for.</summary>
    private static bool Has(ServerView view, Flavor target) =>
        (view.Flavor.Cpu, view.Flavor.RamMiB) == (target.Cpu, target.RamMiB);
}
