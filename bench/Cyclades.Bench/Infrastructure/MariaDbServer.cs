using MySqlConnector;

namespace Cyclades.Bench.Infrastructure;

/// <summary>
/// A throwaway <c>mariadbd</c> on a loopback port with its data directory inside the run directory.
/// Durability is MariaDB's default (the log flushed at every commit); the buffer pool is sized to hold
/// the largest data set of the run and its flushing rate to an SSD, as a server sized for its data would be.
/// </summary>
public sealed class MariaDbServer
{
    private readonly ChildProcess _process;

    private MariaDbServer(ChildProcess process, int port)
    {
        _process = process;
        AdminConnectionString = $"Server=127.0.0.1;Port={port};User ID=root;Password=;Pooling=false;AllowLoadLocalInfile=true";
    }

    public string AdminConnectionString { get; }

    public int ProcessId => _process.Id;

    public static async Task<MariaDbServer> StartAsync(RunDirectory run, CancellationToken cancellationToken)
    {
        var mariadbd = Executable.Require("mariadbd", "/usr/sbin/mariadbd", "Debian package mariadb-server");
        var installDb = Executable.Require("mariadb-install-db", "/usr/bin/mariadb-install-db", "Debian package mariadb-server");
        var root = run.Subdirectory("mariadb");
        var dataDir = Path.Combine(root, "data");
        (await run.RunToEndAsync(installDb,
            ["--no-defaults", $"--datadir={dataDir}", "--auth-root-authentication-method=normal", "--skip-test-db", "--user=root"],
            cancellationToken)).OrThrow("mariadb-install-db");

        var port = LoopbackPort.Free();
        var process = ChildProcess.Start(run, "mariadbd", mariadbd,
        [
            "--no-defaults", $"--datadir={dataDir}", $"--socket={Path.Combine(root, "mysqld.sock")}",
            $"--port={port}", "--bind-address=127.0.0.1", "--user=root", "--skip-log-bin", "--skip-name-resolve", "--innodb-print-all-deadlocks=ON",
            "--slow-query-log=ON", "--long-query-time=0.02", $"--slow-query-log-file={Path.Combine(root, "slow.log")}",
            "--innodb-buffer-pool-size=1G", "--innodb-log-file-size=512M", "--innodb-io-capacity=2000", "--innodb-io-capacity-max=4000",
            "--max-connections=500",
            "--max-allowed-packet=64M", "--local-infile=1",
        ]);
        var server = new MariaDbServer(process, port);
        await LoopbackPort.WaitForListenerAsync(port, process, TimeSpan.FromSeconds(60), cancellationToken);
        await server.WaitUntilAnswersAsync(cancellationToken);
        return server;
    }

    /// <summary>Creates an empty database (utf8mb4_bin, as the product expects) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new MySqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true, MaximumPoolSize = 200 }.ConnectionString;
    }

    private async Task WaitUntilAnswersAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (MySqlException e)
            {
                throw new BenchException($"mariadbd does not answer: {e.Message}\n{_process.Tail()}");
            }
        }
    }
}
