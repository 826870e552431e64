using Cyclades.Logic.Backends;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>A successful modify that set cpu or memory gives the server the flavor with those specs (same disk).</summary>
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
        var resized = await CatalogRepository.FindFlavorBySpecsAsync(db, cpu, ramMiB, flavor.DiskGiB, flavor.DiskTemplate, cancellationToken)
            ?? throw new NoMatchingFlavorException(server.Id, cpu, ramMiB, flavor.DiskGiB, flavor.DiskTemplate);
        return OperationEffect.Success() with { NewFlavor = resized };
    }
}
