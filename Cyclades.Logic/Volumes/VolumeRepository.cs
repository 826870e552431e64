using System.Data.Common;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Volumes;

internal static class VolumeRepository
{
    internal const string Columns = """
        v.id AS Id, v.user_id AS UserId, v.backend_id AS BackendId, v.server_id AS ServerId, v.disk_index AS DiskIndex,
        v.size_gib AS SizeGiB, v.volume_type AS VolumeType, v.status AS Status, v.origin_image_id AS OriginImageId,
        v.delete_on_termination AS DeleteOnTermination, v.device_name AS DeviceName, v.commission_id AS CommissionId,
        v.attached_at AS AttachedAt, v.deleted AS Deleted, v.deleted_at AS DeletedAt, v.created_at AS CreatedAt, v.updated_at AS UpdatedAt
        """;

    public static async Task<Volume> InsertAsync(Db db, NewVolume volume, long now, CancellationToken cancellationToken)
    {
        var attachedAt = volume.ServerId is null ? (long?)null : now;
        var id = await db.InsertAsync(
            """
            INSERT INTO volumes (user_id, backend_id, server_id, disk_index, size_gib, volume_type, status, origin_image_id,
                delete_on_termination, device_name, attached_at, created_at, updated_at)
            VALUES (@UserId, @BackendId, @ServerId, @DiskIndex, @SizeGiB, @VolumeType, @status, @OriginImageId,
                @DeleteOnTermination, @DeviceName, @attachedAt, @now, @now)
            """,
            new
            {
                volume.UserId,
                volume.BackendId,
                volume.ServerId,
                volume.DiskIndex,
                volume.SizeGiB,
                volume.VolumeType,
                status = volume.Status.ToDb(),
                volume.OriginImageId,
                volume.DeleteOnTermination,
                volume.DeviceName,
                attachedAt,
                now,
            },
            cancellationToken);
        return new Volume
        {
            Id = id,
            UserId = volume.UserId,
            BackendId = volume.BackendId,
            ServerId = volume.ServerId,
            DiskIndex = volume.DiskIndex,
            SizeGiB = volume.SizeGiB,
            VolumeType = volume.VolumeType,
            Status = volume.Status,
            OriginImageId = volume.OriginImageId,
            DeleteOnTermination = volume.DeleteOnTermination,
            DeviceName = volume.DeviceName,
            AttachedAt = UnixTime.FromMicros(attachedAt),
            CreatedAt = UnixTime.FromMicros(now),
            UpdatedAt = UnixTime.FromMicros(now),
        };
    }

    /// <summary>One of the user's volumes (deleted ones too); null if the user has no volume with this id.</summary>
    public static async Task<Volume?> GetAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM volumes v WHERE v.user_id = @userId AND v.id = @id", new { userId, id }, VolumeRow.Read, cancellationToken))
            ?.ToVolume();

    /// <summary>The user's volumes, in id order: all non-deleted ones, or those with these ids (deleted ones too).</summary>
    public static async Task<IReadOnlyList<Volume>> ListAsync(Db db, string userId, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            ids is null
                ? $"SELECT {Columns} FROM volumes v WHERE v.user_id = @userId AND v.deleted = @no ORDER BY v.id"
                : $"SELECT {Columns} FROM volumes v WHERE v.user_id = @userId AND v.id IN @ids ORDER BY v.id",
            new { userId, ids, no = false }, VolumeRow.Read, cancellationToken))
            .Select(r => r.ToVolume()).ToList();

    /// <summary>Locks the user's volumes with these ids (deleted ones too), in id order.</summary>
    public static async Task<IReadOnlyList<Volume>> LockAsync(Db db, string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            $"SELECT {Columns} FROM volumes v WHERE v.user_id = @userId AND v.id IN @ids ORDER BY v.id{db.Dialect.ForUpdate}",
            new { userId, ids }, VolumeRow.Read, cancellationToken))
            .Select(r => r.ToVolume()).ToList();

    /// <summary>The disks of these servers (not deleted), by server then disk index.</summary>
    /// <summary>Locks one volume whoever owns it (the dispatcher's); null when there is none.</summary>
    public static async Task<Volume?> LockAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync(
            $"SELECT {Columns} FROM volumes v WHERE v.id = @id{db.Dialect.ForUpdate}", new { id }, VolumeRow.Read, cancellationToken))?.ToVolume();

    public static async Task<IReadOnlyList<Volume>> ListByServersAsync(Db db, IReadOnlyCollection<long> serverIds, CancellationToken cancellationToken) =>
        serverIds.Count == 0
            ? []
            : (await db.QueryAsync(
                $"SELECT {Columns} FROM volumes v WHERE {db.Dialect.InList("v.server_id", "@serverIds")} AND v.deleted = @no ORDER BY v.server_id, v.disk_index, v.id",
                db.Dialect.WithList(new { no = false }, "serverIds", serverIds), VolumeRow.Read, cancellationToken))
                .Select(r => r.ToVolume()).ToList();

    /// <summary>Locks the disks of one server (not deleted), in disk index order.</summary>
    public static async Task<IReadOnlyList<Volume>> LockByServerAsync(Db db, long serverId, CancellationToken cancellationToken) =>
        (await db.QueryAsync(
            $"SELECT {Columns} FROM volumes v WHERE v.server_id = @serverId AND v.deleted = @no ORDER BY v.disk_index, v.id{db.Dialect.ForUpdate}",
            new { serverId, no = false }, VolumeRow.Read, cancellationToken))
            .Select(r => r.ToVolume()).ToList();

    /// <summary>GiB of the user's volumes that are not deleted, attached or not (what <c>cyclades.disk</c> counts).</summary>
    public static Task<long> SumSizeAsync(Db db, string userId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(size_gib), 0) FROM volumes WHERE user_id = @userId AND deleted = @no",
            new { userId, no = false }, cancellationToken);

    /// <summary>Users with volumes that are not deleted.</summary>
    public static async Task<IReadOnlyList<string>> ListHoldersAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<string>("SELECT DISTINCT user_id FROM volumes WHERE deleted = @no", new { no = false }, cancellationToken)).ToList();

    public static Task AttachCommissionAsync(Db db, long id, long commissionId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE volumes SET commission_id = @commissionId WHERE id = @id", new { id, commissionId }, cancellationToken);

    /// <summary>Writes every field that can change after creation.</summary>
    public static Task UpdateAsync(Db db, Volume v, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE volumes SET server_id = @ServerId, disk_index = @DiskIndex, size_gib = @SizeGiB, status = @Status,
                delete_on_termination = @DeleteOnTermination, device_name = @DeviceName, commission_id = @CommissionId,
                attached_at = @AttachedAt, deleted = @Deleted, deleted_at = @DeletedAt, updated_at = @UpdatedAt
            WHERE id = @Id
            """,
            new
            {
                v.Id,
                v.ServerId,
                v.DiskIndex,
                v.SizeGiB,
                Status = v.Status.ToDb(),
                v.DeleteOnTermination,
                v.DeviceName,
                v.CommissionId,
                AttachedAt = UnixTime.ToMicros(v.AttachedAt),
                v.Deleted,
                DeletedAt = UnixTime.ToMicros(v.DeletedAt),
                UpdatedAt = UnixTime.ToMicros(v.UpdatedAt),
            },
            cancellationToken);

    internal sealed record VolumeRow
    {
        /// <summary>Reads <see cref="Columns"/>, in their order (see <see cref="RowCursor"/>).</summary>
        public static VolumeRow Read(DbDataReader reader)
        {
            var c = new RowCursor(reader);
            return new VolumeRow
            {
                Id = c.Int64(),
                UserId = c.String(),
                BackendId = c.Int64(),
                ServerId = c.NullableInt64(),
                DiskIndex = c.NullableInt32(),
                SizeGiB = c.Int32(),
                VolumeType = c.String(),
                Status = c.String(),
                OriginImageId = c.NullableInt64(),
                DeleteOnTermination = c.Boolean(),
                DeviceName = c.NullableString(),
                CommissionId = c.NullableInt64(),
                AttachedAt = c.NullableInt64(),
                Deleted = c.Boolean(),
                DeletedAt = c.NullableInt64(),
                CreatedAt = c.Int64(),
                UpdatedAt = c.Int64(),
            };
        }

        public long Id { get; init; }

        public required string UserId { get; init; }

        public long BackendId { get; init; }

        public long? ServerId { get; init; }

        public int? DiskIndex { get; init; }

        public int SizeGiB { get; init; }

        public required string VolumeType { get; init; }

        public required string Status { get; init; }

        public long? OriginImageId { get; init; }

        public bool DeleteOnTermination { get; init; }

        public string? DeviceName { get; init; }

        public long? CommissionId { get; init; }

        public long? AttachedAt { get; init; }

        public bool Deleted { get; init; }

        public long? DeletedAt { get; init; }

        public long CreatedAt { get; init; }

        public long UpdatedAt { get; init; }

        public Volume ToVolume() => new()
        {
            Id = Id,
            UserId = UserId,
            BackendId = BackendId,
            ServerId = ServerId,
            DiskIndex = DiskIndex,
            SizeGiB = SizeGiB,
            VolumeType = VolumeType,
            Status = VolumeStatusNames.ParseStatus(Status),
            OriginImageId = OriginImageId,
            DeleteOnTermination = DeleteOnTermination,
            DeviceName = DeviceName,
            CommissionId = CommissionId,
            AttachedAt = UnixTime.FromMicros(AttachedAt),
            Deleted = Deleted,
            DeletedAt = UnixTime.FromMicros(DeletedAt),
            CreatedAt = UnixTime.FromMicros(CreatedAt),
            UpdatedAt = UnixTime.FromMicros(UpdatedAt),
        };
    }
}
