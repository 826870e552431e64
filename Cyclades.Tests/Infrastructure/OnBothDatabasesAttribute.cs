using Cyclades.Logic.Persistence;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// On a fixture base class: every derived fixture with a constructor taking a <see cref="DatabaseProvider"/> runs
/// twice, on SQLite and on MariaDB (that instance also in the <c>MariaDb</c> category); one without it runs once, with
/// its parameterless constructor (SQLite).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OnBothDatabasesAttribute : NUnitAttribute, IFixtureBuilder2
{
    private readonly NUnitTestFixtureBuilder _builder = new();

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) => BuildFrom(typeInfo, new AnyTest());

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter)
    {
        var parameterised = typeInfo.Type.GetConstructors()
            .Any(constructor => constructor.GetParameters() is [{ ParameterType: var type }] && type == typeof(DatabaseProvider));
        if (!parameterised)
        {
            yield return _builder.BuildFrom(typeInfo, filter);
            yield break;
        }
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.MySql })
        {
            var parameters = new TestFixtureParameters(provider);
            if (provider == DatabaseProvider.MySql)
            {
                parameters.Properties.Add(PropertyNames.Category, TestCategoriesTests.MariaDb);
            }
            yield return _builder.BuildFrom(typeInfo, filter, parameters);
        }
    }

    private sealed class AnyTest : IPreFilter
    {
        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }
}
