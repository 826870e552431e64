namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// A real service a test needs (MariaDB, the Ganeti test cluster). Missing in CI (<c>CI=true</c>)
/// fails the test; on a developer machine it is reported as ignored, with how to get it.
/// </summary>
public static class RequiredService
{
    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Unavailable(string what, string reason)
    {
        var message = $"{what} is not available: {reason}";
        if (InCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message + " (run scripts/test to install and start it)");
    }
}
