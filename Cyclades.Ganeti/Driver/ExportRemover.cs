using System.Diagnostics;
using Cyclades.Ganeti.Simulation;

namespace Cyclades.Ganeti.Driver;

/// <summary>
/// Removes an instance's export from a cluster. Ganeti's RAPI cannot (3.0 has no resource for
/// <c>OP_BACKUP_REMOVE</c>: <c>DELETE /2/instances/&lt;name&gt;/export</c> answers 501), so the job is
/// submitted on the master node by <c>gnt-backup remove &lt;instance&gt;</c>, which waits for it.
/// </summary>
public abstract class ExportRemover
{
    /// <summary>Removes the export of <paramref name="instanceName"/> kept on <paramref name="node"/>; no export is no error.</summary>
    /// <exception cref="ExportRemovalException">It could not be removed (now).</exception>
    public abstract Task RemoveAsync(string instanceName, string node, CancellationToken cancellationToken);

    /// <summary>What the cluster's settings give: the operator's command, or none.</summary>
    internal static ExportRemover For(IReadOnlyList<string> command, TimeSpan timeout) =>
        command.Count == 0 ? new NoExportRemover() : new CommandExportRemover(command, timeout);
}

/// <summary>The export was not removed; the message says why (the cluster's words, or what is not configured).</summary>
public sealed class ExportRemovalException(string message) : Exception(message);

/// <summary>
/// Runs the operator's command (<c>ExportRemoveCommand</c>: program and arguments, no shell), with
/// <c>{instance}</c> and <c>{node}</c> in arguments replaced; e.g.
/// <c>["ssh", "-o", "BatchMode=yes", "root@master.example.org", "gnt-backup", "remove", "{instance}"]</c>.
/// Exit status 0 = removed (<c>gnt-backup remove</c> of an export that is not there also exits 0).
/// </summary>
internal sealed class CommandExportRemover(IReadOnlyList<string> command, TimeSpan timeout) : ExportRemover
{
    public override async Task RemoveAsync(string instanceName, string node, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument.Replace("{instance}", instanceName, StringComparison.Ordinal).Replace("{node}", node, StringComparison.Ordinal));
        }
        using var process = Process.Start(start) ?? throw new ExportRemovalException($"'{command[0]}' could not be started");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExportRemovalException($"'{command[0]}' did not finish within {timeout.TotalSeconds:0} s");
        }
        await output;
        if (process.ExitCode != 0)
        {
            throw new ExportRemovalException($"'{command[0]}' exited with {process.ExitCode}: {(await errors).Trim()}");
        }
    }
}

/// <summary>No command configured: the export stays until one is (it is tried again), and the log says so.</summary>
internal sealed class NoExportRemover : ExportRemover
{
    public override Task RemoveAsync(string instanceName, string node, CancellationToken cancellationToken) =>
        throw new ExportRemovalException(
            $"no ExportRemoveCommand is configured for this cluster (its RAPI cannot remove exports): run 'gnt-backup remove {instanceName}' on the master node");
}

/// <summary>The simulated cluster's administrator removes it, as <c>gnt-backup remove</c> does.</summary>
internal sealed class SimulatedExportRemover(SimulatedGanetiCluster cluster) : ExportRemover
{
    public override Task RemoveAsync(string instanceName, string node, CancellationToken cancellationToken)
    {
        cluster.AdminRemoveExport(instanceName);
        return Task.CompletedTask;
    }
}
