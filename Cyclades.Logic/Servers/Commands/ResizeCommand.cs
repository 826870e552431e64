using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>Gives a stopped server another flavor with the same disk and disk template.</summary>
internal sealed class ResizeCommand(Flavor target) : ServerCommand
{
    public override ServerAction Action => ServerAction.Resize;

    public override Flavor TargetFlavor => target;

    public override void Validate(Server server, Flavor flavor)
    {
        if (flavor.Id == target.Id)
        {
            throw new InvalidResizeException(server.Id, ResizeProblem.SameFlavor, target.Name);
        }
        if (flavor.DiskGiB != target.DiskGiB)
        {
            throw new InvalidResizeException(server.Id, ResizeProblem.DiskSize, target.Name);
        }
        if (flavor.DiskTemplate != target.DiskTemplate)
        {
            throw new InvalidResizeException(server.Id, ResizeProblem.DiskTemplate, target.Name);
        }
    }

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.ResizeServerAsync(server.InstanceName, target.Cpu, target.RamMiB, cancellationToken);
}
