namespace Cyclades.Logic.Servers;

/// <summary>
/// What the owner chose for a server at launch (each may be changed later, as a front-end allows). Stored
/// on the server's row, so listing servers costs no extra query.
/// </summary>
public sealed record ServerSettings
{
    public static readonly ServerSettings Default = new();

    /// <summary>Destroying the server is refused until this is cleared.</summary>
    public bool DestroyProtected { get; init; }

    /// <summary>Stopping the server is refused until this is cleared.</summary>
    public bool StopProtected { get; init; }

    /// <summary>What follows a shutdown the guest itself makes (a stop nobody asked for).</summary>
    public GuestShutdownAction GuestShutdown { get; init; } = GuestShutdownAction.Stop;

    /// <summary>The owner asked for storage-optimised I/O; recorded, every server has the same I/O here.</summary>
    public bool IoOptimized { get; init; }

    /// <summary>The server's traffic must come from and go to its own address (no routing for others).</summary>
    public bool AddressCheck { get; init; } = true;

    public MetadataService Metadata { get; init; } = MetadataService.Default;
}

public enum GuestShutdownAction
{
    Stop,
    Destroy,
}

/// <summary>How the server may read its own metadata.</summary>
/// <param name="HopLimit">How many network hops a metadata answer may take (1-64).</param>
/// <param name="ExposesTags">The server's tags are part of its metadata.</param>
public sealed record MetadataService(bool Enabled, bool TokensRequired, int HopLimit, bool ExposesTags)
{
    public const int MaxHopLimit = 64;

    public static readonly MetadataService Default = new(Enabled: true, TokensRequired: false, HopLimit: 1, ExposesTags: false);
}
