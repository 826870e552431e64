using Cyclades.Logic.Persistence;

namespace Cyclades.Tests.Logic.Support;

/// <summary>
/// A fixture that runs its tests on SQLite and on MariaDB, each test on a fresh <see cref="LogicHarness"/>.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.MySql, Category = "MariaDb")]
[Category("Unit")]
public abstract class LogicTest(DatabaseProvider provider)
{
    protected LogicHarness Logic { get; private set; } = null!;

    protected DatabaseProvider Provider => provider;

    /// <summary>Settings on top of <see cref="LogicHarness.DefaultSettings"/>.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [SetUp]
    public async Task CreateLogic() => Logic = await LogicHarness.CreateAsync(provider, Settings);

    [TearDown]
    public async Task DisposeLogic() => await Logic.DisposeAsync();
}
