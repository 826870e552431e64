using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.Launches;

/// <summary>Create between <see cref="MinCount"/> and <see cref="MaxCount"/> servers, as many as the quota allows.</summary>
public sealed record LaunchRequest(string UserId, long ImageId, string FlavorName, int MinCount, int MaxCount)
{
    /// <summary>Unique per user; the same key with the same parameters returns the first launch.</summary>
    public string? IdempotencyKey { get; init; }

    public string? Name { get; init; }

    /// <summary>The key pair's name, recorded on each server.</summary>
    public string? KeyName { get; init; }

    /// <summary>The key pair's public key, handed to the image's key parameter.</summary>
    public string? PublicKey { get; init; }

    public byte[]? UserData { get; init; }

    /// <summary>The backend to place the servers on; null lets the allocator choose.</summary>
    public string? BackendName { get; init; }

    /// <summary>
    /// The subnet of the servers' primary ports: a public subnet or one of the user's private ones; the
    /// servers go to its backend. Null: the public subnet of the backend the allocator chooses.
    /// </summary>
    public long? SubnetId { get; init; }

    /// <summary>What each server's primary port is to be, besides its subnet and address.</summary>
    public LaunchPort Port { get; init; } = LaunchPort.Default;

    /// <summary>What the owner chose for every server (part of the fingerprint).</summary>
    public ServerSettings Settings { get; init; } = ServerSettings.Default;

    /// <summary>
    /// The private address of the one server this launch makes (it must be free, in the backend's
    /// network); null lets the backend hand out the next free ones.
    /// </summary>
    public string? PrivateIp { get; init; }

    /// <summary>Each server's root volume: size, type, delete-on-termination, device name; null = all defaults.</summary>
    public LaunchVolume? Root { get; init; }

    /// <summary>Blank volumes each server gets besides its root, in disk order.</summary>
    public IReadOnlyList<LaunchVolume> ExtraVolumes { get; init; } = [];

    /// <summary>Tags every server gets in the same transaction that creates it (part of the fingerprint).</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>
    /// Further request parameters the front-end stores itself (e.g. tags), in a canonical form: part of
    /// what a retry with the same idempotency key must repeat.
    /// </summary>
    public string? ExtraFingerprint { get; init; }
}

/// <summary>Each launched server's primary port.</summary>
/// <param name="SecurityGroupIds">The user's groups, on the subnet's network. None: the network's default group.</param>
/// <param name="DeleteOnTermination">False: the port stays, detached, when its server is destroyed.</param>
public sealed record LaunchPort(IReadOnlyList<long> SecurityGroupIds, string Description = "", bool DeleteOnTermination = true)
{
    public static readonly LaunchPort Default = new([]);

    public bool IsDefault => SecurityGroupIds.Count == 0 && Description.Length == 0 && DeleteOnTermination;
}
