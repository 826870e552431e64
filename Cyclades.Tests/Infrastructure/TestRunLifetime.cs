namespace Cyclades.Tests.Infrastructure;

/// <summary>Stops what the run started (the throwaway MariaDB) once every test has finished.</summary>
[SetUpFixture]
public sealed class TestRunLifetime
{
    [OneTimeTearDown]
    public void StopSharedServices() => MariaDbServer.StopShared();
}
