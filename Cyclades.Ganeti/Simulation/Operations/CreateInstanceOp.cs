using System.Text.Json;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_INSTANCE_CREATE</c>: the checks Ganeti makes, placement by free memory, the OS install.</summary>
internal sealed class CreateInstanceOp(InstanceCreateRequest request, string defaultHypervisor) : SimulatedOp
{
    private const string FailingVariant = "fail";
    private const string SlowVariant = "slow";

    public override string OpId => GanetiOpIds.InstanceCreate;
    public override string? InstanceName => request.Name;
    public override string RapiResource => "instances";
    public override string CliCommand => "add";
    public override GanetiBeParams? BeParams => request.BeParams;

    private string? Variant => request.OsType.Split('+') is [_, var variant] ? variant : null;

    // As on Ganeti, OS scripts run only for instances with disks, and not with no_install.
    private bool RunsOsScripts => request.Disks.Count > 0 && request.NoInstall != true;

    public override TimeSpan ExtraRunTime(SimulatorOptions options) =>
        RunsOsScripts && Variant == SlowVariant ? TimeSpan.FromMilliseconds(options.SlowInstallMs) : TimeSpan.Zero;

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters()
    {
        var body = JsonSerializer.SerializeToElement(request, RapiJsonContext.Default.InstanceCreateRequest);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("__version__" or "name" or "beparams"))
            {
                yield return Parameter(property.Name, property.Value.Clone());
            }
        }
        if (request.Hypervisor is null)
        {
            yield return Parameter("hypervisor", SimulatedJson.String(defaultHypervisor));
        }
    }

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        if (state.FindInstance(request.Name) is not null)
        {
            throw SimulatedOpFailure.Prerequisite($"Instance '{request.Name}' is already in the cluster", GanetiErrorCodes.AlreadyExists);
        }
        if (request.Tags?.FirstOrDefault(tag => !GanetiTags.IsValid(tag)) is not null)
        {
            throw new SimulatedOpFailure(new GanetiOtherJobError("TagError", "Tag contains invalid characters"));
        }
        CreateInstanceChecks.CheckTemplateAndOs(state.Options, request);
        var import = request.Mode == "import" ? CreateInstanceChecks.FindExport(state, request) : null;
        var (vcpus, memory) = CreateInstanceChecks.CheckPolicy(request);
        var start = request.Start ?? true;
        var node = CreateInstanceChecks.Place(state, request, start ? memory : 0);
        var instance = new SimulatedInstance
        {
            Name = request.Name,
            Os = request.OsType,
            DiskTemplate = request.DiskTemplate,
            PrimaryNode = node.Name,
            Hypervisor = request.Hypervisor ?? defaultHypervisor,
            Disks = request.Disks.Select(disk => new SimulatedDisk
            {
                Name = disk.Name, SizeMiB = disk.SizeMiB, Template = request.DiskTemplate, Node = node.Name,
            }).ToList(),
            Nics = request.Nics.Select(nic => CreateInstanceChecks.Nic(state, nic)).ToList(),
            Tags = [.. request.Tags ?? []],
            VCpus = vcpus,
            MaxMemoryMiB = memory,
            MinMemoryMiB = request.BeParams?.MinMemoryMiB ?? memory,
            CreatedAt = now.ToUnixTimeMilliseconds() / 1000.0,
            ModifiedAt = now.ToUnixTimeMilliseconds() / 1000.0,
        };
        state.Add(instance);
        List<string> log = ["* creating instance disks...", $"adding instance {request.Name} to cluster config"];
        if (import is not null)
        {
            log.Add($"* importing instance {request.Name} from {import.Node}:{import.Path}");
        }
        else if (RunsOsScripts)
        {
            log.Add("* running the instance OS create scripts...");
            if (Variant == FailingVariant)
            {
                // Ganeti leaves the instance behind, stopped, with its disks.
                throw SimulatedOpFailure.Execution(
                    $"Could not add os for instance {request.Name} on node {node.Name}: OS create script failed (exited with exit code 1), "
                    + $"last lines in the log file:\nsimulated create: instance={request.Name} variant={Variant}\n"
                    + $"simulated create: failing on purpose (variant={Variant})");
            }
        }
        if (start)
        {
            instance.AdminUp = instance.Running = true;
            log.Add("* starting instance...");
        }
        return new SimulatedOpResult(SimulatedJson.Array(SimulatedJson.String(node.Name)), log);
    }
}
