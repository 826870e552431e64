using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>
/// Gives a stopped server another flavor: compute only (cpu, ram). Its volumes stay as they are, so
/// any flavor that allows the server's volume type will do.
/// </summary>
internal sealed class ResizeCommand(Flavor target) : ServerCommand
{
    public override ServerAction Action => ServerAction.Resize;

    public override Flavor TargetFlavor => target;

    public override async Task ValidateAsync(Db db, Server server, Flavor flavor, CancellationToken cancellationToken)
    {
        if (flavor.Id == target.Id)
        {
            throw new InvalidResizeException(server.Id, ResizeProblem.SameFlavor, target.Name);
        }
        if (!target.AllowsVolumeType(await ServerVolumes.VolumeTypeAsync(db, server.Id, flavor.DiskTemplate, cancellationToken)))
        {
            throw new InvalidResizeException(server.Id, ResizeProblem.VolumeType, target.Name);
        }
        if ((flavor.Cpu, flavor.RamMiB) == (target.Cpu, target.RamMiB))
        {
            throw new InvalidResizeException(server.Id, ResizeProblem.SameCompute, target.Name);
        }
    }

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.ResizeServerAsync(server.InstanceName, target.Cpu, target.RamMiB, cancellationToken);
}
