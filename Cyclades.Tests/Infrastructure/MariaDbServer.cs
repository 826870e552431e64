using System.Diagnostics;
using System.Net.Sockets;
using MySqlConnector;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The MariaDB server the tests use: the one named by <c>CYCLADES_TEST_MYSQL</c> (a connection
/// string with the right to create databases), or else a throwaway <c>mariadbd</c> started here on
/// a loopback port with a temporary data directory, stopped when the test run ends.
/// </summary>
public sealed class MariaDbServer : IDisposable
{
    private const string EnvironmentVariable = "CYCLADES_TEST_MYSQL";
    private const string DataRootPrefix = "cyclades-test-mariadb-";
    private static readonly Lazy<(MariaDbServer? Server, string? Error)> Shared = new(Start);

    private readonly Process? _process;
    private readonly string? _dataRoot;

    private MariaDbServer(string adminConnectionString, Process? process, string? dataRoot)
    {
        AdminConnectionString = adminConnectionString;
        _process = process;
        _dataRoot = dataRoot;
    }

    /// <summary>Connection string of a user allowed to create and drop databases (no database selected).</summary>
    public string AdminConnectionString { get; }

    /// <summary>The shared server; fails (CI) or ignores (elsewhere) the calling test when there is none.</summary>
    public static MariaDbServer Instance
    {
        get
        {
            var (server, error) = Shared.Value;
            if (server is null)
            {
                RequiredService.Unavailable("MariaDB", error!);
            }
            return server!;
        }
    }

    /// <summary>Stops the throwaway server, if this run started one.</summary>
    public static void StopShared()
    {
        if (Shared.IsValueCreated)
        {
            Shared.Value.Server?.Dispose();
        }
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS `{name}`";
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        if (_dataRoot is not null && Directory.Exists(_dataRoot))
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }

    private static (MariaDbServer?, string?) Start()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return TryConnect(configured, TimeSpan.FromSeconds(10)) is { } error
                ? (null, $"{EnvironmentVariable} is set but the server does not answer: {error}")
                : (new MariaDbServer(configured, null, null), null);
        }

        var mariadbd = new[] { "/usr/sbin/mariadbd", "/usr/bin/mariadbd" }.FirstOrDefault(File.Exists);
        var installDb = new[] { "/usr/bin/mariadb-install-db", "/usr/sbin/mariadb-install-db" }.FirstOrDefault(File.Exists);
        if (mariadbd is null || installDb is null)
        {
            return (null, $"neither {EnvironmentVariable} nor mariadbd/mariadb-install-db (Debian package mariadb-server) was found");
        }

        StaleMariaDbRuns.Remove(DataRootPrefix);
        var root = Path.Combine(Path.GetTempPath(), $"{DataRootPrefix}{Environment.ProcessId}");
        var dataDir = Path.Combine(root, "data");
        Directory.CreateDirectory(dataDir);
        var install = Run(installDb,
            $"--no-defaults --datadir={dataDir} --auth-root-authentication-method=normal --skip-test-db --user=root");
        if (install is not null)
        {
            return (null, $"mariadb-install-db failed: {install}");
        }

        var port = LoopbackPort.Unused();
        var process = Process.Start(new ProcessStartInfo(mariadbd)
        {
            ArgumentList =
            {
                "--no-defaults", $"--datadir={dataDir}", $"--socket={Path.Combine(root, "mysqld.sock")}",
                $"--port={port}", "--bind-address=127.0.0.1", "--user=root", "--skip-log-bin",
                "--innodb-flush-log-at-trx-commit=2", "--max-connections=500", $"--log-error={Path.Combine(root, "error.log")}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var connectionString = $"Server=127.0.0.1;Port={port};User ID=root;Password=;Pooling=true;Maximum Pool Size=200";
        var failure = TryConnect(connectionString, TimeSpan.FromSeconds(30));
        if (failure is not null)
        {
            process.Kill(entireProcessTree: true);
            return (null, $"the throwaway mariadbd did not start: {failure}");
        }
        return (new MariaDbServer(connectionString, process, root), null);
    }

    private static string? TryConnect(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var connection = new MySqlConnection(connectionString);
                connection.Open();
                return null;
            }
            catch (Exception e) when (e is MySqlException or InvalidOperationException or SocketException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    return e.Message;
                }
                Thread.Sleep(100);
            }
        }
    }

    private static string? Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : stderr.Result.Trim();
    }
}
