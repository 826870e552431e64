namespace Cyclades.Tests.Infrastructure;

/// <summary>Credentials the test host is bootstrapped with (configuration <c>Cyclades:Bootstrap:Users</c>).</summary>
public sealed record TestUser(string Name, string AccessKeyId, string SecretAccessKey)
{
    public static readonly TestUser Alice = new("alice", "AKIDALICE0000000001", "alice-secret-0000000000000000000000000001");
    public static readonly TestUser Bob = new("bob", "AKIDBOB00000000000002", "bob-secret-00000000000000000000000000002");

    /// <summary>The same key id with a wrong secret.</summary>
    public TestUser WithWrongSecret() => this with { SecretAccessKey = SecretAccessKey + "-wrong" };

    /// <summary>A key id the host does not know.</summary>
    public static TestUser Unknown { get; } = new("nobody", "AKIDUNKNOWN000000009", "unknown-secret-000000000000000000000009");

    public override string ToString() => $"{Name} ({AccessKeyId})";
}
