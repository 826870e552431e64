using Cyclades.Logic.Backends;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Servers;

/// <summary>The owner's settings: stored with the server, changed by <see cref="ServerSettingsCommands"/>, enforced by <see cref="ServerProtection"/>.</summary>
public sealed class ServerSettingsTests(DatabaseProvider provider) : LogicTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ServerSettingsCommands Changes => Logic.Get<ServerSettingsCommands>();

    private async Task<Server> LaunchAsync(ServerSettings settings, string? privateIp = null) =>
        (await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Settings = settings, PrivateIp = privateIp }, None))
        .Servers[0].Server;

    private async Task FinishTaskAsync(long serverId) =>
        await Logic.FinishAsync((await Logic.ServerAsync(serverId)).Task!.JobId!.Value, JobStatus.Success);

    [Test]
    public async Task Settings_given_at_launch_are_stored_and_read_back()
    {
        var chosen = new ServerSettings
        {
            DestroyProtected = true, StopProtected = true, GuestShutdown = GuestShutdownAction.Destroy, IoOptimized = true, AddressCheck = false,
            Metadata = new MetadataService(Enabled: false, TokensRequired: true, HopLimit: 64, ExposesTags: true),
        };

        var launched = await LaunchAsync(chosen);
        var plain = await LaunchAsync(ServerSettings.Default);

        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, launched.Id, None))!.Server.Settings, Is.EqualTo(chosen));
        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, plain.Id, None))!.Server.Settings, Is.EqualTo(ServerSettings.Default));
    }

    [Test]
    public async Task Protected_servers_refuse_destroy_and_stop_until_the_owner_clears_it()
    {
        var server = await LaunchAsync(new ServerSettings { DestroyProtected = true, StopProtected = true });
        await FinishTaskAsync(server.Id);

        var destroy = (await Assert.ThrowsAsync<ServerProtectedException>(() => Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, None)))!;
        var stop = (await Assert.ThrowsAsync<ServerProtectedException>(() => Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, None)))!;
        Assert.That((destroy.ServerId, destroy.Action, stop.Action), Is.EqualTo((server.Id, ServerAction.Destroy, ServerAction.Stop)));
        Assert.That(Logic.Driver.Jobs, Has.Count.EqualTo(1), "only the create job reached the cluster");

        await Changes.ChangeAsync(LogicHarness.User, server.Id, s => s with { StopProtected = false }, None);
        await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, None);
        await Assert.ThrowsAsync<ServerProtectedException>(() => Logic.Commands.DestroyAsync(LogicHarness.User, server.Id, None));
        await Changes.ChangeAsync(LogicHarness.User, server.Id, s => s with { DestroyProtected = false }, None);
        Assert.That((await Logic.Queries.GetAsync(LogicHarness.User, server.Id, None))!.Server.Settings, Is.EqualTo(ServerSettings.Default));
    }

    [Test]
    public async Task User_data_changes_only_on_a_stopped_server_without_a_task()
    {
        var server = await LaunchAsync(ServerSettings.Default);

        await Assert.ThrowsAsync<ServerNotStoppedException>(() => Changes.ChangeUserDataAsync(LogicHarness.User, server.Id, [1], None));
        await FinishTaskAsync(server.Id);
        await Assert.ThrowsAsync<ServerNotStoppedException>(() => Changes.ChangeUserDataAsync(LogicHarness.User, server.Id, [1], None));
        await Logic.Commands.StopAsync(LogicHarness.User, server.Id, null, None);
        await Assert.ThrowsAsync<ServerNotStoppedException>(() => Changes.ChangeUserDataAsync(LogicHarness.User, server.Id, [1], None), "the stop is still pending");
        await FinishTaskAsync(server.Id);
        await Changes.ChangeUserDataAsync(LogicHarness.User, server.Id, [7, 8], None);

        Assert.That(await Logic.Queries.GetUserDataAsync(LogicHarness.User, server.Id, None), Is.EqualTo(new byte[] { 7, 8 }));
        await Assert.ThrowsAsync<ServerNotFoundException>(() => Changes.ChangeAsync("someone-else", server.Id, s => s, None));
    }

    [Test]
    public async Task A_chosen_private_address_must_be_free_and_in_the_backend_network()
    {
        var first = await LaunchAsync(ServerSettings.Default, "10.9.0.77");

        var taken = (await Assert.ThrowsAsync<PrivateAddressUnavailableException>(() => LaunchAsync(ServerSettings.Default, "10.9.0.77")))!;
        var outside = (await Assert.ThrowsAsync<PrivateAddressUnavailableException>(() => LaunchAsync(ServerSettings.Default, "10.8.0.77")))!;
        var gateway = (await Assert.ThrowsAsync<PrivateAddressUnavailableException>(() => LaunchAsync(ServerSettings.Default, "10.9.0.1")))!;

        Assert.That(first.PrivateIp, Is.EqualTo("10.9.0.77"));
        Assert.That((taken.InUse, outside.InUse, gateway.InUse), Is.EqualTo((true, false, false)));
        Assert.That(await Logic.QuerySqlAsync<long>("SELECT COUNT(*) FROM servers"), Is.EqualTo(1), "a refused launch leaves nothing behind");
        Assert.That((await LaunchAsync(ServerSettings.Default)).PrivateIp, Is.EqualTo("10.9.0.78"), "next-fit goes on after the chosen address");
    }
}
