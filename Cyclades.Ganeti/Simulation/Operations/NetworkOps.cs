using System.Text.Json;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary><c>OP_NETWORK_ADD</c>: a new network; a taken name fails with <c>already_exists</c>.</summary>
internal sealed class AddNetworkOp(NetworkCreateRequest request) : SimulatedOp
{
    public override string OpId => GanetiOpIds.NetworkAdd;
    public override string? InstanceName => null;
    public override string RapiResource => "networks";
    public override string CliCommand => "add";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters()
    {
        var body = JsonSerializer.SerializeToElement(request, RapiJsonContext.Default.NetworkCreateRequest);
        return body.EnumerateObject().Select(property => Parameter(property.Name, property.Value.Clone())).ToList();
    }

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        if (state.FindNetwork(request.Name) is not null)
        {
            throw SimulatedOpFailure.Prerequisite($"Network '{request.Name}' already exists", GanetiErrorCodes.AlreadyExists);
        }
        state.Add(new SimulatedNetwork { Name = request.Name, Cidr = request.Network, Gateway = request.Gateway });
        return SimulatedOpResult.Empty;
    }
}

/// <summary><c>OP_NETWORK_CONNECT</c>: connecting a network to a group it is connected to already is a no-op, as on Ganeti.</summary>
internal sealed class ConnectNetworkOp(string network, NetworkConnectRequest request) : SimulatedOp
{
    public override string OpId => GanetiOpIds.NetworkConnect;
    public override string? InstanceName => null;
    public override string RapiResource => "networks_name_connect";
    public override string CliCommand => "connect";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters()
    {
        yield return Parameter("network_name", SimulatedJson.String(network));
        var body = JsonSerializer.SerializeToElement(request, RapiJsonContext.Default.NetworkConnectRequest);
        foreach (var property in body.EnumerateObject())
        {
            yield return Parameter(property.Name, property.Value.Clone());
        }
    }

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var target = state.FindNetwork(network)
            ?? throw SimulatedOpFailure.Prerequisite($"Network '{network}' not found", GanetiErrorCodes.UnknownEntity);
        if (request.GroupName != SimulatedClusterState.NodeGroup)
        {
            throw SimulatedOpFailure.Prerequisite($"Group '{request.GroupName}' not found", GanetiErrorCodes.UnknownEntity);
        }
        if (target.Groups.All(g => g[0] != request.GroupName))
        {
            target.Groups.Add([request.GroupName, request.Mode, request.Link, ""]);
        }
        return SimulatedOpResult.Empty;
    }
}

/// <summary><c>OP_NETWORK_REMOVE</c>: refused while the network is connected to a group.</summary>
internal sealed class RemoveNetworkOp(string network) : SimulatedOp
{
    public override string OpId => GanetiOpIds.NetworkRemove;
    public override string? InstanceName => null;
    public override string RapiResource => "networks_name";
    public override string CliCommand => "remove";

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
        [Parameter("network_name", SimulatedJson.String(network))];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var target = state.FindNetwork(network)
            ?? throw SimulatedOpFailure.Prerequisite($"Network '{network}' not found", GanetiErrorCodes.UnknownEntity);
        if (target.Groups.Count > 0)
        {
            throw SimulatedOpFailure.Prerequisite(
                $"Network '{network}' is connected to group(s) {string.Join(", ", target.Groups.Select(g => g[0]))}", GanetiErrorCodes.WrongState);
        }
        state.RemoveNetwork(network);
        return SimulatedOpResult.Empty;
    }
}
