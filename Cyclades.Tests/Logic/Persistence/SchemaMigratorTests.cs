using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Logic.Persistence;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public sealed class SchemaMigratorTests(DatabaseProvider provider)
{
    [Test]
    public async Task Migrating_a_fresh_database_leaves_nothing_pending_and_is_repeatable()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var migrator = new SchemaMigrator(database.Target);
        Assert.That(migrator.HasPendingMigrations(), Is.True);

        migrator.MigrateUp();
        migrator.MigrateUp();

        Assert.That(migrator.HasPendingMigrations(), Is.False);
    }

    [Test]
    public async Task Concurrent_migrations_from_several_processes_do_not_collide()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SchemaMigrator(database.Target).MigrateUp())));

        Assert.That(new SchemaMigrator(database.Target).HasPendingMigrations(), Is.False);
    }
}
