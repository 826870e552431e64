using System.Data.Common;
using System.Globalization;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.Networks;

/// <summary>The <c>ports</c> table. Ports are deleted, not flagged: their addresses go back to the pool with them.</summary>
internal static class PortRepository
{
    internal const string Columns = """
        p.id AS Id, p.user_id AS UserId, p.server_id AS ServerId, p.subnet_id AS SubnetId, p.device_index AS DeviceIndex,
        p.address AS Address, p.mac AS Mac, p.state AS State, p.description AS Description,
        p.source_dest_check AS SourceDestCheck, p.delete_on_termination AS DeleteOnTermination,
        p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.pending_restart AS PendingRestart
        """;

    public static Task<long> InsertAsync(Db db, NewPort port, long now, CancellationToken cancellationToken) =>
        db.InsertAsync(
            """
            INSERT INTO ports (user_id, server_id, subnet_id, device_index, address, state, description, source_dest_check,
                delete_on_termination, created_at, updated_at)
            VALUES (@UserId, @ServerId, @SubnetId, @DeviceIndex, @Address, @State, @Description, @SourceDestCheck,
                @DeleteOnTermination, @now, @now)
            """,
            new
            {
                port.UserId,
                port.ServerId,
                port.SubnetId,
                port.DeviceIndex,
                port.Address,
                State = port.State.ToDb(),
                port.Description,
                port.SourceDestCheck,
                port.DeleteOnTermination,
                now,
            },
            cancellationToken);

    public static Task<PortRow?> GetAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM ports p WHERE p.id = @id", new { id }, PortRow.Read, cancellationToken);

    /// <summary>The user's port with this id (another user's is not found).</summary>
    public static Task<PortRow?> GetAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM ports p WHERE p.id = @id AND p.user_id = @userId", new { id, userId }, PortRow.Read, cancellationToken);

    public static Task<PortRow?> LockAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync($"SELECT {Columns} FROM ports p WHERE p.id = @id AND p.user_id = @userId{db.Dialect.ForUpdate}", new { id, userId }, PortRow.Read, cancellationToken);

    /// <summary>The user's ports in id order, optionally only these ids.</summary>
    public static async Task<IReadOnlyList<PortRow>> ListForUserAsync(Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        await db.QueryAsync(
            $"SELECT {Columns} FROM ports p WHERE p.user_id = @userId{(ids is null ? "" : " AND p.id IN @ids")} ORDER BY p.id",
            new { userId, ids }, PortRow.Read, cancellationToken);

    /// <summary>The ports attached to these servers, by server then device index.</summary>
    public static async Task<IReadOnlyList<PortRow>> ListByServersAsync(Db db, IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken) =>
        serverIds.Count == 0
            ? []
            : await db.QueryAsync(
                $"SELECT {Columns} FROM ports p WHERE {db.Dialect.InList("p.server_id", "@serverIds")} ORDER BY p.server_id, p.device_index, p.id",
                db.Dialect.WithList(null, "serverIds", serverIds), PortRow.Read, cancellationToken);

    public static Task<long> CountBySubnetAsync(Db db, long subnetId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ports WHERE subnet_id = @subnetId", new { subnetId }, cancellationToken);

    public static Task UpdateAsync(Db db, PortRow p, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE ports SET server_id = @ServerId, device_index = @DeviceIndex, address = @Address, mac = @Mac, state = @State,
                description = @Description, source_dest_check = @SourceDestCheck, delete_on_termination = @DeleteOnTermination,
                updated_at = @now
            WHERE id = @Id
            """,
            new
            {
                p.Id,
                p.ServerId,
                p.DeviceIndex,
                p.Address,
                p.Mac,
                p.State,
                p.Description,
                p.SourceDestCheck,
                p.DeleteOnTermination,
                now,
            },
            cancellationToken);

    /// <summary>The server's ports still in BUILD take the state its create job left them in.</summary>
    public static Task SettleBuildingAsync(Db db, long serverId, PortState state, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE ports SET state = @state, updated_at = @now WHERE server_id = @serverId AND state = 'BUILD'",
            new { serverId, state = state.ToDb(), now }, cancellationToken);

    /// <summary>Deletes a port and hands its own address back (a floating IP's stays, unattached).</summary>
    public static async Task DeleteAsync(Db db, long id, CancellationToken cancellationToken)
    {
        await AddressPool.ReleasePortsAsync(db, [id], cancellationToken);
        await db.ExecuteAsync("DELETE FROM ports WHERE id = @id", new { id }, cancellationToken);
    }

    /// <summary>
    /// The server no longer exists: its ports that go with it are deleted (their addresses back in the
    /// pool, their tags gone), the others stay, detached (DOWN).
    /// </summary>
    public static async Task ReleaseServerAsync(Db db, long serverId, long now, CancellationToken cancellationToken)
    {
        var deleted = (await db.QueryAsync<long>(
            "SELECT id FROM ports WHERE server_id = @serverId AND delete_on_termination = @yes", new { serverId, yes = true }, cancellationToken)).ToList();
        if (deleted.Count > 0)
        {
            await AddressPool.ReleasePortsAsync(db, deleted, cancellationToken);
            await db.ExecuteAsync("DELETE FROM ports WHERE id IN @deleted", new { deleted }, cancellationToken);
            await db.ExecuteAsync(
                "DELETE FROM tags WHERE resource_type = @type AND resource_id IN @ids",
                new { type = TaggedResourceType.Port.ToDb(), ids = deleted.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList() },
                cancellationToken);
        }
        await db.ExecuteAsync(
            "UPDATE ports SET server_id = NULL, device_index = 0, mac = NULL, state = 'DOWN', pending_restart = @no, updated_at = @now WHERE server_id = @serverId",
            new { serverId, now, no = false }, cancellationToken);
    }

    internal sealed record PortRow
    {
        /// <summary>Reads <see cref="Columns"/>, in their order (see <see cref="RowCursor"/>).</summary>
        public static PortRow Read(DbDataReader reader)
        {
            var c = new RowCursor(reader);
            return Read(ref c);
        }

        /// <summary>Reads <see cref="Columns"/> from where the cursor stands, for a row that goes on with more columns.</summary>
        public static PortRow Read(ref RowCursor c) =>
            new PortRow
            {
                Id = c.Int64(),
                UserId = c.String(),
                ServerId = c.NullableInt64(),
                SubnetId = c.Int64(),
                DeviceIndex = c.Int32(),
                Address = c.NullableString(),
                Mac = c.NullableString(),
                State = c.String(),
                Description = c.String(),
                SourceDestCheck = c.Boolean(),
                DeleteOnTermination = c.Boolean(),
                CreatedAt = c.Int64(),
                UpdatedAt = c.Int64(),
                PendingRestart = c.Boolean(),
            };

        public long Id { get; init; }

        public required string UserId { get; init; }

        public long? ServerId { get; init; }

        public long SubnetId { get; init; }

        public int DeviceIndex { get; init; }

        public string? Address { get; init; }

        public string? Mac { get; init; }

        public required string State { get; init; }

        public string Description { get; init; } = "";

        public bool SourceDestCheck { get; init; }

        public bool DeleteOnTermination { get; init; }

        public long CreatedAt { get; init; }

        public long UpdatedAt { get; init; }

        public bool PendingRestart { get; init; }

        public Port ToPort() => new(
            Id, UserId, ServerId, SubnetId, DeviceIndex, Address, Mac, DbNames.Parse<PortState>(State), Description,
            SourceDestCheck, DeleteOnTermination, UnixTime.FromMicros(CreatedAt), UnixTime.FromMicros(UpdatedAt), PendingRestart);
    }
}
