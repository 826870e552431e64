namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// A service a test needs (MariaDB, the Ganeti test cluster, a CLI): in CI (<c>CI</c> set to anything
/// but false/0/no, as CI systems set it to true or 1) its absence fails the test; elsewhere the test is ignored.
/// </summary>
public static class RequiredService
{
    private static readonly string[] NotCi = ["false", "0", "no"];

    public static bool InCi => IsCi(Environment.GetEnvironmentVariable("CI"));

    public static bool IsCi(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !NotCi.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    public static void Unavailable(string what, string reason)
    {
        var message = $"{what} is not available: {reason}";
        if (InCi)
        {
            Assert.Fail(message);
        }
        Assert.Ignore(message + " (run scripts/test to install and start it)");
    }

    /// <summary>A setting the test cannot do without: missing, it is <see cref="Unavailable"/> (never a vacuous pass).</summary>
    public static string Setting(string what, string? value, string reason)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Unavailable(what, reason);
        }
        return value!;
    }
}
