using System.Globalization;

namespace Cyclades.Bench.Fleet;

/// <summary>The users that own the bulk instances, and the one who launches in the write path, with fixed keys.</summary>
public static class FleetUsers
{
    /// <summary>Owners of the fleet; instances are dealt to them in turn, so each holds an equal share.</summary>
    public const int Count = 10;

    public static IReadOnlyList<BenchUser> Owners { get; } =
        Enumerable.Range(0, Count).Select(i => User($"fleet{i}", i)).ToList();

    /// <summary>The user whose pages are read: one tenth of the instances are theirs.</summary>
    public static BenchUser Reader => Owners[0];

    /// <summary>Launches and terminates in the write path; owns nothing else.</summary>
    public static BenchUser Writer { get; } = User("writer", 99);

    public static IEnumerable<BenchUser> All => Owners.Append(Writer);

    /// <summary>How the service stores a user in <c>servers.user_id</c>.</summary>
    public static string StoredUserId(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The service's bootstrap settings that create every bench user with its key at start-up.</summary>
    public static IEnumerable<KeyValuePair<string, string>> BootstrapSettings() =>
        All.SelectMany((user, i) => new[]
        {
            KeyValuePair.Create($"Cyclades:Bootstrap:Users:{i}:Name", user.Name),
            KeyValuePair.Create($"Cyclades:Bootstrap:Users:{i}:AccessKeyId", user.AccessKeyId),
            KeyValuePair.Create($"Cyclades:Bootstrap:Users:{i}:SecretAccessKey", user.SecretAccessKey),
        });

    private static BenchUser User(string name, int n) =>
        new(name, $"AKIDBENCH{n:D11}", $"bench-secret-{name}-{n:D8}-do-not-use-elsewhere");
}

public sealed record BenchUser(string Name, string AccessKeyId, string SecretAccessKey);
