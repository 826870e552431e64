using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage servers list|show</c>: every user's servers as the database has them, with task and last job.</summary>
public static class ServersCommand
{
    private sealed record Row(ServerView View, string User);

    private static readonly Column<Row>[] Columns =
    [
        new("Id", r => r.View.Server.Id),
        new("User", r => r.User),
        new("Name", r => r.View.Server.Name),
        new("Backend", r => r.View.BackendName),
        new("Instance", r => r.View.Server.InstanceName),
        new("Flavor", r => r.View.Flavor.Name),
        new("Operstate", r => r.View.Server.OperState.ToDb()),
        new("Task", r => r.View.Server.Task?.Action.ToDb()),
        new("Task job", r => r.View.Server.Task?.JobId),
        new("Last job", r => LastJob(r.View.Server), r => LastJob(r.View.Server) ?? "-"),
        new("Private ip", r => r.View.Server.PrivateIp),
        new("Created", r => r.View.Server.CreatedAt),
    ];

    private static readonly Column<Row>[] Details =
    [
        .. Columns,
        new("Image", r => Cyclades.Ec2Api.Actions.Images.ImageIds.Of(r.View.Server.ImageId)),
        new("Key name", r => r.View.Server.KeyName),
        new("Last job message", r => r.View.Server.LastJob?.Message),
        new("Commission", r => r.View.Server.CommissionId),
        new("Deleted", r => r.View.Server.DeletedAt),
        new("Updated", r => r.View.Server.UpdatedAt),
    ];

    public static Command Create(AdminSession session) =>
        new("servers", "Servers (VMs) of every user: operstate, pending task and the last Ganeti job.") { List(session), Show(session) };

    private static Command List(AdminSession session)
    {
        var user = new Option<string?>("--user") { Description = "Only this user's servers." };
        var backend = new Option<string?>("--backend") { Description = "Only servers on this backend." };
        var state = new Option<OperState?>("--operstate") { Description = "Only servers in this state." };
        var deleted = new Option<bool>("--deleted") { Description = "Also destroyed servers." };
        var limit = new Option<int>("--limit") { Description = "At most this many (oldest first).", DefaultValueFactory = _ => ServerQueries.MaxPageSize };
        var list = new Command("list", "List servers, oldest first.") { user, backend, state, deleted, limit };
        session.Handle(list, async (parse, output, ct) =>
        {
            var accounts = session.Get<IAccountService>();
            var owner = parse.GetValue(user) is { } name ? Owners.OwnerId(await Owners.RequireAsync(accounts, name, ct)) : null;
            if (parse.GetValue(backend) is { } backendName && await session.Get<Logic.Backends.BackendRegistry>().FindAsync(backendName, ct) is null)
            {
                throw new BackendNotFoundException(backendName);
            }
            var filter = new ServerFilter
            {
                BackendNames = parse.GetValue(backend) is { } b ? [b] : null,
                OperStates = parse.GetValue(state) is { } s ? [s] : null,
                IncludeDeletedSince = parse.GetValue(deleted) ? DateTimeOffset.UnixEpoch : null,
            };
            var pageSize = Math.Clamp(parse.GetValue(limit), 1, ServerQueries.MaxPageSize);
            var page = await session.Get<ServerQueries>().ListAnyUserAsync(owner, filter, null, pageSize, ct);
            var names = await Owners.NamesAsync(accounts, ct);
            output.Table(page.Servers.Select(v => new Row(v, names(v.Server.UserId))), Columns);
            return 0;
        });
        return list;
    }

    private static Command Show(AdminSession session)
    {
        var id = new Argument<long>("id") { Description = "The server's id (its instance is <prefix>-<id>)." };
        var show = new Command("show", "Show one server in full.") { id };
        session.Handle(show, async (parse, output, ct) =>
        {
            var serverId = parse.GetValue(id);
            var view = await session.Get<ServerQueries>().GetAnyUserAsync(serverId, ct)
                       ?? throw new AdminException($"Server {serverId} does not exist.");
            var names = await Owners.NamesAsync(session.Get<IAccountService>(), ct);
            output.Record(new Row(view, names(view.Server.UserId)), Details);
            return 0;
        });
        return show;
    }

    private static string? LastJob(Server server) =>
        server.LastJob is { } job ? $"{job.JobId} {job.Operation.ToDb()} {job.Status.ToDb()}" : null;
}
