using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Servers.Commands;

internal sealed class StartCommand : ServerCommand
{
    public override ServerAction Action => ServerAction.Start;

    public override bool IsAlreadyDone(Server server) =>
        server is { Deleted: false, OperState: OperState.Started, Task: null };

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.StartServerAsync(server.InstanceName, cancellationToken);
}
