namespace Cyclades.Logic.Servers;

/// <summary>What is known of a server before it exists: it starts in BUILD with a BUILD task.</summary>
internal sealed record NewServer(
    string UserId,
    string Name,
    long FlavorId,
    long ImageId,
    long BackendId,
    long LaunchId,
    int LaunchIndex,
    string? KeyName,
    string? PublicKey,
    byte[]? UserData,
    string? PrivateIp,
    ServerSettings Settings);
