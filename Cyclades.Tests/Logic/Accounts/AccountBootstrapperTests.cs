using Cyclades.Logic.Secrets;
using System.Security.Cryptography;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Logic.Accounts;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class AccountBootstrapperTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private AccountService _accounts = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _accounts = new AccountService(_database.Connections, new SecretProtector(RandomNumberGenerator.GetBytes(32)),
            new AccessKeyCache(TimeProvider.System), TimeProvider.System);
    }

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    [Test]
    public async Task An_empty_database_without_bootstrap_users_gets_a_demo_user_once()
    {
        var demo = await Bootstrapper().RunAsync();
        var again = await Bootstrapper().RunAsync();

        Assert.That(demo, Is.Not.Null);
        Assert.That(demo!.UserName, Is.EqualTo("demo"));
        Assert.That(await _accounts.ResolveAsync(demo.AccessKeyId), Is.EqualTo(demo));
        Assert.That(again, Is.Null);
        Assert.That(await _accounts.ListUsersAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Bootstrap_users_are_created_then_updated_and_no_demo_user_appears()
    {
        await Bootstrapper(("alice", "AKIDALICE", "secret-1"), ("bob", "AKIDBOB", "secret-2")).RunAsync();

        var result = await Bootstrapper(("alice", "AKIDALICE", "secret-3")).RunAsync();

        Assert.That(result, Is.Null);
        Assert.That((await _accounts.ListUsersAsync()).Select(u => u.Name), Is.EqualTo(new[] { "alice", "bob" }));
        Assert.That((await _accounts.ResolveAsync("AKIDALICE"))!.SecretAccessKey, Is.EqualTo("secret-3"));
        Assert.That((await _accounts.ResolveAsync("AKIDBOB"))!.SecretAccessKey, Is.EqualTo("secret-2"));
    }

    private AccountBootstrapper Bootstrapper(params (string Name, string Key, string Secret)[] users)
    {
        var options = new BootstrapOptions();
        for (var i = 0; i < users.Length; i++)
        {
            options.Users[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                new BootstrapUser { Name = users[i].Name, AccessKeyId = users[i].Key, SecretAccessKey = users[i].Secret };
        }
        return new AccountBootstrapper(_accounts, Options.Create(options), NullLogger<AccountBootstrapper>.Instance);
    }
}
