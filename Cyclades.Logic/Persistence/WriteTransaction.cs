using System.Data.Common;

namespace Cyclades.Logic.Persistence;

/// <summary>
/// One connection with a write transaction begun by <see cref="SqlDialect.BeginWrite"/>. Disposing it
/// without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    private WriteTransaction(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
    {
        _connection = connection;
        _transaction = transaction;
        Db = new Db(connection, transaction, dialect);
    }

    public Db Db { get; }

    public static async Task<WriteTransaction> BeginAsync(IDbConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return new WriteTransaction(connection, connections.Dialect.BeginWrite(connection), connections.Dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
