using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// The data directory and the files in it are its owner's alone, whatever the process umask: a
/// directory we create is 0700 and a file we create 0600. Like OpenSSH, an operator's existing
/// directory is left as it is (with a warning if group or others can reach into it); a secret file
/// that group or others can access is refused (<see cref="IsExposed"/>). No Unix modes on Windows.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static void EnsureDirectory(string path, ILogger? logger = null)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else if ((File.GetUnixFileMode(path) & GroupOrOthers) != 0)
        {
            logger?.LogWarning("Data directory {Directory} is accessible to group or others (mode {Mode}); chmod 700 it", path, Octal(path));
        }
    }

    /// <summary>Options that create a new file 0600 (and fail if it exists).</summary>
    public static FileStreamOptions CreateNew(FileAccess access)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }
        return options;
    }

    /// <summary>Creates an empty file 0600 unless it exists (SQLite then gives its -wal and -shm the same mode).</summary>
    public static void EnsureFile(string path)
    {
        try
        {
            new FileStream(path, CreateNew(FileAccess.Write)).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }

    public static bool IsExposed(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) != 0;

    public static string Octal(string path) =>
        OperatingSystem.IsWindows() ? "" : "0" + Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);
}
