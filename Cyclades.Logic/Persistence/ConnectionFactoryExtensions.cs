namespace Cyclades.Logic.Persistence;

public static class ConnectionFactoryExtensions
{
    /// <summary>Runs <paramref name="read"/> on a fresh connection without a transaction.</summary>
    public static async Task<T> ReadAsync<T>(this IDbConnectionFactory connections, Func<Db, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await read(new Db(connection, null, connections.Dialect));
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction and commits it.</summary>
    public static async Task<T> WriteAsync<T>(this IDbConnectionFactory connections, Func<Db, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(connections, cancellationToken);
        var result = await work(transaction.Db);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
