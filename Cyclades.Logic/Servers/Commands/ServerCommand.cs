using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>One action on an existing server: its extra checks and the cluster job that carries it out.</summary>
internal abstract class ServerCommand
{
    public abstract ServerAction Action { get; }

    /// <summary>Subject to the owner's protection settings (<see cref="ServerProtection"/>).</summary>
    public virtual bool Guarded => true;

    /// <summary>The flavor the server is given, for commands that change it.</summary>
    public virtual Flavor? TargetFlavor => null;

    /// <summary>The server already is where this command would take it (front-ends may treat that as done).</summary>
    public virtual bool IsAlreadyDone(Server server) => false;

    /// <summary>Checks beyond the action matrix, run after it, in the command's transaction.</summary>
    public virtual Task ValidateAsync(Db db, Server server, Flavor flavor, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Reads what <see cref="Validate"/> needs from the cluster, before the transaction (no cluster call
    /// runs inside one), from the servers as they were read without a lock.
    /// </summary>
    public virtual Task PrepareAsync(IReadOnlyList<Server> servers, Func<long, Task<IClusterDriver>> driverOf, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>What the command records beside the task, in the same transaction (e.g. the image an export makes).</summary>
    public virtual Task RecordAsync(Db db, Server server, Flavor flavor, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Submits the job and returns its id.</summary>
    public abstract Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken);
}
