using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Volumes;

namespace Cyclades.Logic.Events.Operations;

/// <summary>A successful modify that set cpu or memory gives the server a flavor with that compute allowing its volume type.</summary>
internal sealed class ModifyHandler : IOperationHandler
{
    public ServerOperation Operation => ServerOperation.Modify;

    public async Task<OperationEffect> EffectAsync(Db db, Server server, Flavor flavor, BackendEvent e, CancellationToken cancellationToken)
    {
        if (e.Status != JobStatus.Success)
        {
            return OperationEffect.Nothing;
        }
        var (cpu, ramMiB) = (e.NewCpu ?? flavor.Cpu, e.NewRamMiB ?? flavor.RamMiB);
        if ((cpu, ramMiB) == (flavor.Cpu, flavor.RamMiB))
        {
            return OperationEffect.Success();
        }
        var volumeType = await ServerVolumes.VolumeTypeAsync(db, server.Id, flavor.DiskTemplate, cancellationToken);
        var resized = await CatalogRepository.FindFlavorBySpecsAsync(db, cpu, ramMiB, volumeType, flavor.DiskGiB, cancellationToken)
            ?? throw new NoMatchingFlavorException(server.Id, cpu, ramMiB, volumeType);
        return OperationEffect.Success() with { NewFlavor = resized };
    }
}
