using SQLitePCL;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// Runs SQLite in its multi-thread mode rather than the serialized default. Serialized mode takes the
/// connection's mutex in every API call — each column read of each row — to guard against two threads
/// using one connection at once, which ADO.NET connections never do here: each is opened, used by one
/// request or job and returned to the pool. The mode can only be chosen before SQLite initializes,
/// so this runs before the first connection opens (the migrations' or the factory's).
/// </summary>
internal static class SqliteThreadingMode
{
    private static readonly Lazy<bool> MultiThread = new(() =>
    {
        Batteries_V2.Init();
        // SQLITE_MISUSE when SQLite is already initialized (another user in this process opened a
        // connection first): it then stays serialized, which is correct, only slower.
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
    });

    /// <summary>True when SQLite runs in multi-thread mode.</summary>
    public static bool Apply() => MultiThread.Value;
}
