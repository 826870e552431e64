using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Servers.Commands;

internal sealed class RebootCommand(RebootKind kind) : ServerCommand
{
    public override ServerAction Action => ServerAction.Reboot;

    // The cluster always power-cycles; a soft reboot first gives the guest its default shutdown time.
    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.RebootServerAsync(server.InstanceName, kind == RebootKind.Hard ? TimeSpan.Zero : null, cancellationToken);
}
