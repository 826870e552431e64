using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Servers.Commands;

/// <param name="shutdownTimeout">How long the guest may take to shut down; null = the cluster's default, zero = power off.</param>
internal sealed class StopCommand(TimeSpan? shutdownTimeout) : ServerCommand
{
    public override ServerAction Action => ServerAction.Stop;

    public override bool IsAlreadyDone(Server server) =>
        server is { Deleted: false, OperState: OperState.Stopped, Task: null };

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.StopServerAsync(server.InstanceName, shutdownTimeout, cancellationToken);
}
