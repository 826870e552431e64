using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Servers.Commands;

/// <summary>
/// Removes a server; allowed in every state and overriding a pending task, except the create task:
/// then the request is recorded and carried out by the dispatcher once the create job's result is
/// applied (<see cref="ServerActionRules"/>).
/// </summary>
/// <param name="carriesOutRequest">
/// The dispatcher carrying out a recorded request: the owner's protection was checked when it was
/// asked (or does not apply: a guest-initiated terminate), and the request itself is not "done".
/// </param>
internal sealed class DestroyCommand(bool carriesOutRequest = false) : ServerCommand
{
    public override ServerAction Action => ServerAction.Destroy;

    public bool CarriesOutRequest => carriesOutRequest;

    public override bool Guarded => !carriesOutRequest;

    public override bool IsAlreadyDone(Server server) =>
        server.Deleted || server.Task?.Action == ServerAction.Destroy || (!carriesOutRequest && server.DestroyRequestedAt is not null);

    public override Task<long> SubmitAsync(IClusterDriver driver, Server server, CancellationToken cancellationToken) =>
        driver.DestroyServerAsync(server.InstanceName, cancellationToken);
}
