using System.Reflection;
using Cyclades.Logic.Persistence;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// Every fixture is in exactly one of the kinds <c>scripts/test --filter Category=…</c> selects by, so that the kinds
/// together are the whole suite and no filter drops a fixture unnoticed; a fixture on MariaDB is also in <c>MariaDb</c>.
/// </summary>
[Category("Unit")]
public sealed class TestCategoriesTests
{
    /// <summary>In-process (SQLite, the simulator); the real host over HTTP (SDKs, CLIs, the service process); the real Ganeti test cluster.</summary>
    public static readonly string[] Kinds = ["Unit", "Contract", "Integration"];

    public const string MariaDb = "MariaDb";

    private static readonly string[] Known = [.. Kinds, MariaDb];

    private static IEnumerable<Type> Fixtures() =>
        typeof(TestCategoriesTests).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && !type.IsNested && type.GetMethods().Any(IsTest));

    private static bool IsTest(MethodInfo method) =>
        method.IsDefined(typeof(TestAttribute), true) || method.IsDefined(typeof(TestCaseAttribute), true)
        || method.IsDefined(typeof(TestCaseSourceAttribute), true);

    private static IEnumerable<string> Categories(Type fixture) =>
        fixture.GetCustomAttributes<CategoryAttribute>(inherit: true).Select(category => category.Name);

    [Test]
    public void The_suite_has_fixtures_to_check() => Assert.That(Fixtures().Count(), Is.GreaterThan(80));

    [Test]
    public void Every_fixture_is_of_exactly_one_kind() =>
        Assert.That(Fixtures().Where(fixture => Categories(fixture).Intersect(Kinds).Count() != 1).Select(fixture => fixture.FullName), Is.Empty);

    [Test]
    public void Only_known_categories_are_used() =>
        Assert.That(Fixtures().SelectMany(fixture => Categories(fixture)
            .Concat(fixture.GetCustomAttributes<TestFixtureAttribute>(inherit: true).SelectMany(f => (f.Category ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)))
            .Except(Known).Select(category => $"{fixture.FullName}: {category}")), Is.Empty);

    [Test]
    public void Every_fixture_instance_on_MariaDB_is_in_the_MariaDb_category() =>
        Assert.That(Fixtures()
            .SelectMany(fixture => fixture.GetCustomAttributes<TestFixtureAttribute>(inherit: true).Select(attribute => (fixture, attribute)))
            .Where(f => f.attribute.Arguments.Contains(DatabaseProvider.MySql) && !(f.attribute.Category ?? "").Split(',').Contains(MariaDb))
            .Select(f => f.fixture.FullName), Is.Empty);
}
