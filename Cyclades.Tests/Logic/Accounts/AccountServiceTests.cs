using Cyclades.Logic.Secrets;
using System.Security.Cryptography;
using System.Text;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Logic.Accounts;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class AccountServiceTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private FakeTimeProvider _time = null!;
    private AccountService _accounts = null!;
    private byte[] _key = null!;

    [SetUp]
    public async Task SetUp()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        _key = RandomNumberGenerator.GetBytes(32);
        _accounts = NewService(_key);
    }

    [TearDown]
    public async Task TearDown() => await _database.DisposeAsync();

    private AccountService NewService(byte[] key) =>
        new(_database.Connections, new SecretProtector(key), new AccessKeyCache(_time), _time);

    [Test]
    public async Task Created_users_are_listed_in_creation_order_with_their_creation_time()
    {
        var alice = await _accounts.CreateUserAsync("alice");
        var bob = await _accounts.CreateUserAsync("bob");

        var users = await _accounts.ListUsersAsync();

        Assert.That(users.Select(u => u.Name), Is.EqualTo(new[] { "alice", "bob" }));
        Assert.That(bob.Id, Is.GreaterThan(alice.Id));
        Assert.That(users[0], Is.EqualTo(new User(alice.Id, "alice", false, _time.GetUtcNow())));
    }

    [Test]
    public async Task A_user_name_is_unique_and_case_sensitive()
    {
        await _accounts.CreateUserAsync("alice");

        var duplicate = await Assert.ThrowsAsync<AccountException>(() => _accounts.CreateUserAsync("alice"));
        Assert.That(duplicate!.Error, Is.EqualTo(AccountError.UserAlreadyExists));
        Assert.That((await _accounts.CreateUserAsync("Alice")).Name, Is.EqualTo("Alice"));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("x/y")]
    public async Task Invalid_user_names_are_refused(string name)
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => _accounts.CreateUserAsync(name));
        Assert.That(error!.Error, Is.EqualTo(AccountError.InvalidUserName));
    }

    [Test]
    public async Task A_created_key_resolves_to_its_secret_and_user_and_is_listed_without_it()
    {
        var alice = await _accounts.CreateUserAsync("alice");

        var created = await _accounts.CreateAccessKeyAsync("alice");
        var resolved = await NewService(_key).ResolveAsync(created.AccessKeyId);

        Assert.That(created.AccessKeyId, Does.Match("^AKIA[A-Z2-7]{16}$"));
        Assert.That(created.SecretAccessKey, Has.Length.EqualTo(40));
        Assert.That(resolved, Is.EqualTo(created));
        Assert.That(resolved!.UserId, Is.EqualTo(alice.Id));
        var listed = await _accounts.ListAccessKeysAsync("alice");
        Assert.That(listed, Is.EqualTo(new[] { new AccessKey(created.AccessKeyId, alice.Id, _time.GetUtcNow(), null) }));
    }

    [Test]
    public async Task The_secret_is_stored_encrypted_and_not_readable_with_another_key()
    {
        await _accounts.CreateUserAsync("alice");
        var created = await _accounts.CreateAccessKeyAsync("alice");

        await using var connection = await _database.Connections.OpenAsync();
        var stored = await connection.QuerySingleAsync<byte[]>("SELECT secret_ciphertext FROM access_keys WHERE id = @id", new { id = created.AccessKeyId });

        Assert.That(Encoding.UTF8.GetString(stored), Does.Not.Contain(created.SecretAccessKey));
        await Assert.ThrowsAsync(Is.InstanceOf<CryptographicException>(),
            () => NewService(RandomNumberGenerator.GetBytes(32)).ResolveAsync(created.AccessKeyId));
    }

    [Test]
    public async Task Unknown_revoked_and_disabled_users_keys_do_not_resolve()
    {
        await _accounts.CreateUserAsync("alice");
        await _accounts.CreateUserAsync("bob");
        var revoked = await _accounts.CreateAccessKeyAsync("alice");
        var kept = await _accounts.CreateAccessKeyAsync("alice");
        var bobs = await _accounts.CreateAccessKeyAsync("bob");
        Assert.That(await _accounts.ResolveAsync(revoked.AccessKeyId), Is.Not.Null, "cached before the change");

        await _accounts.RevokeAccessKeyAsync(revoked.AccessKeyId);
        await _accounts.SetUserDisabledAsync("bob", disabled: true);

        Assert.That(await _accounts.ResolveAsync("AKIANOSUCHKEY0000000"), Is.Null);
        Assert.That(await _accounts.ResolveAsync(revoked.AccessKeyId), Is.Null);
        Assert.That(await _accounts.ResolveAsync(bobs.AccessKeyId), Is.Null);
        Assert.That(await _accounts.ResolveAsync(kept.AccessKeyId), Is.EqualTo(kept));
        var listed = await _accounts.ListAccessKeysAsync("alice");
        Assert.That(listed.Single(k => k.Id == revoked.AccessKeyId).IsActive, Is.False);
        Assert.That((await _accounts.FindUserAsync("bob"))!.Disabled, Is.True);

        await _accounts.SetUserDisabledAsync("bob", disabled: false);
        Assert.That(await _accounts.ResolveAsync(bobs.AccessKeyId), Is.EqualTo(bobs));
    }

    [Test]
    public async Task A_change_made_by_another_process_is_seen_once_the_cache_entry_expires()
    {
        await _accounts.CreateUserAsync("alice");
        var key = await _accounts.CreateAccessKeyAsync("alice");
        Assert.That(await _accounts.ResolveAsync(key.AccessKeyId), Is.Not.Null);

        await NewService(_key).RevokeAccessKeyAsync(key.AccessKeyId);

        Assert.That(await _accounts.ResolveAsync(key.AccessKeyId), Is.Not.Null, "still cached");
        _time.Advance(AccessKeyCache.Lifetime + TimeSpan.FromMilliseconds(1));
        Assert.That(await _accounts.ResolveAsync(key.AccessKeyId), Is.Null);
    }

    [Test]
    public async Task Operations_on_missing_users_and_keys_say_so()
    {
        Assert.That((await Assert.ThrowsAsync<AccountException>(() => _accounts.CreateAccessKeyAsync("ghost")))!.Error, Is.EqualTo(AccountError.UserNotFound));
        Assert.That((await Assert.ThrowsAsync<AccountException>(() => _accounts.ListAccessKeysAsync("ghost")))!.Error, Is.EqualTo(AccountError.UserNotFound));
        Assert.That((await Assert.ThrowsAsync<AccountException>(() => _accounts.SetUserDisabledAsync("ghost", true)))!.Error, Is.EqualTo(AccountError.UserNotFound));
        Assert.That((await Assert.ThrowsAsync<AccountException>(() => _accounts.RevokeAccessKeyAsync("AKIAGHOST")))!.Error, Is.EqualTo(AccountError.AccessKeyNotFound));
    }

    [Test]
    public async Task Ensuring_a_declared_key_creates_it_then_updates_its_secret_and_reactivates_it()
    {
        var first = await _accounts.EnsureUserWithKeyAsync("ci", "AKIDEXAMPLE", "secret");
        await _accounts.RevokeAccessKeyAsync("AKIDEXAMPLE");

        var second = await _accounts.EnsureUserWithKeyAsync("ci", "AKIDEXAMPLE", "another-secret");

        Assert.That(second.UserId, Is.EqualTo(first.UserId));
        Assert.That(await _accounts.ResolveAsync("AKIDEXAMPLE"), Is.EqualTo(new AccessKeyCredentials("AKIDEXAMPLE", "another-secret", first.UserId, "ci")));
        Assert.That(await _accounts.ListUsersAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_declared_key_cannot_move_to_another_user()
    {
        await _accounts.EnsureUserWithKeyAsync("ci", "AKIDEXAMPLE", "secret");

        var error = await Assert.ThrowsAsync<AccountException>(() => _accounts.EnsureUserWithKeyAsync("other", "AKIDEXAMPLE", "secret"));

        Assert.That(error!.Error, Is.EqualTo(AccountError.AccessKeyOwnedByAnotherUser));
    }

    [Test]
    public async Task Concurrent_ensures_of_the_same_user_from_several_processes_all_succeed()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => NewService(_key).EnsureUserWithKeyAsync("ci", $"AKIDEXAMPLE{i}", "secret"))));

        Assert.That(results.Select(r => r.UserId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await _accounts.ListAccessKeysAsync("ci"), Has.Count.EqualTo(4));
    }
}
