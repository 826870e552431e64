namespace Cyclades.Logic.Accounts;

/// <summary>
/// Bound from <c>Cyclades:Bootstrap</c>: users and keys that must exist, created or updated at
/// start-up (env <c>Cyclades__Bootstrap__Users__0__AccessKeyId</c>, …).
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Cyclades:Bootstrap";

    /// <summary>Keyed by the configuration index (<c>Users:0</c>, <c>Users:1</c>, …).</summary>
    public Dictionary<string, BootstrapUser> Users { get; set; } = new(StringComparer.Ordinal);
}

public sealed class BootstrapUser
{
    public string? Name { get; set; }
    public string? AccessKeyId { get; set; }
    public string? SecretAccessKey { get; set; }

    public override string ToString() => $"{Name} ({AccessKeyId})";
}
