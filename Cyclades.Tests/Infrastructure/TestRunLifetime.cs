namespace Cyclades.Tests;

/// <summary>
/// Stops what the run started (the throwaway MariaDB) once every test has finished. It sits in the
/// root namespace of the tests: NUnit runs a set-up fixture around the tests of its namespace only.
/// </summary>
[SetUpFixture]
public sealed class TestRunLifetime
{
    [OneTimeTearDown]
    public void StopSharedServices() => Infrastructure.MariaDbServer.StopShared();
}
