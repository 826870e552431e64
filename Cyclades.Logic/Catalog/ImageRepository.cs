using System.Data.Common;
using System.Text.Json;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Catalog;

/// <summary>Users' images: who sees them, their launch permissions, and the export an image made from a server waits for.</summary>
internal static class ImageRepository
{
    private const int InsertAttempts = 5;

    /// <summary>What a user may see and launch: the cloud's images, the user's own, public ones and those shared with the user.</summary>
    private const string VisibleTo =
        """
        deleted = @no AND (owner_user_id IS NULL OR owner_user_id = @userId OR is_public = @yes
            OR id IN (SELECT image_id FROM image_launch_permissions WHERE user_id = @userId))
        """;

    public static async Task<IReadOnlyList<Image>> ListVisibleAsync(Db db, string userId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<CatalogRepository.ImageRow>(
            $"SELECT {CatalogRepository.ImageColumns} FROM images WHERE {VisibleTo} ORDER BY id",
            new { userId, no = false, yes = true }, cancellationToken))
            .Select(r => r.ToImage()).ToList();

    /// <param name="locked">Lock the row (a copy must not outlive a concurrent deregistration of its source).</param>
    public static async Task<Image?> FindVisibleAsync(Db db, string userId, long id, CancellationToken cancellationToken, bool locked = false) =>
        (await db.QuerySingleOrDefaultAsync<CatalogRepository.ImageRow>(
            $"SELECT {CatalogRepository.ImageColumns} FROM images WHERE id = @id AND {VisibleTo}{(locked ? db.Dialect.ForUpdate : "")}",
            new { id, userId, no = false, yes = true }, cancellationToken))
            ?.ToImage();

    /// <summary>Which of these ids are the user's own images, deregistered.</summary>
    public static async Task<IReadOnlyList<long>> ListDeregisteredOwnAsync(Db db, string userId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : (await db.QueryAsync<long>(
            "SELECT id FROM images WHERE id IN @ids AND owner_user_id = @userId AND deleted = @yes",
            new { ids, userId, yes = true }, cancellationToken)).ToList();

    /// <summary>Inserts under the next free number (a concurrent insert may take it: then the next).</summary>
    /// <exception cref="ImageNameTakenException">The owner has a registered image of that name.</exception>
    public static async Task<long> InsertAsync(Db db, NewImage image, long now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await EnsureNameFreeAsync(db, image.OwnerUserId, image.Name, cancellationToken);
            var id = await CatalogRepository.NextImageNumberAsync(db, cancellationToken);
            try
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO images (id, name, live_name, description, os_type, os_parameters, key_parameter, deleted, origin,
                        created_at, updated_at, owner_user_id, state, is_public, source_image_id, source_server_id, backend_id,
                        export_node, export_path, min_disk_gib, disk_template)
                    VALUES (@id, @Name, @Name, @Description, @OsType, @OsParameters, @KeyParameter, @no, @origin,
                        @now, @now, @OwnerUserId, @state, @no, @SourceImageId, @SourceServerId, @BackendId,
                        @ExportNode, @ExportPath, @MinDiskGiB, @DiskTemplate)
                    """,
                    new
                    {
                        id, image.Name, image.Description, image.OsType,
                        OsParameters = JsonSerializer.Serialize(new SortedDictionary<string, string>(image.OsParameters.ToDictionary(), StringComparer.Ordinal)),
                        image.KeyParameter, no = false, origin = DefinitionOrigin.User.ToDb(), now, image.OwnerUserId,
                        state = image.State.ToDb(), image.SourceImageId, image.SourceServerId, image.Export?.BackendId,
                        ExportNode = image.Export?.Node, ExportPath = image.Export?.Path, image.MinDiskGiB, image.DiskTemplate,
                    },
                    cancellationToken);
                return id;
            }
            catch (DbException e) when (DuplicateKey.IsViolation(e) && attempt < InsertAttempts)
            {
            }
        }
    }

    private static async Task EnsureNameFreeAsync(Db db, string ownerUserId, string name, CancellationToken cancellationToken)
    {
        if (await db.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM images WHERE owner_user_id = @ownerUserId AND live_name = @name",
                new { ownerUserId, name }, cancellationToken) > 0)
        {
            throw new ImageNameTakenException(name);
        }
    }

    /// <summary>The image as its owner may change it, locked; null if the user owns no such registered image.</summary>
    public static async Task<Image?> LockOwnedAsync(Db db, string userId, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<CatalogRepository.ImageRow>(
            $"SELECT {CatalogRepository.ImageColumns} FROM images WHERE id = @id AND owner_user_id = @userId AND deleted = @no{db.Dialect.ForUpdate}",
            new { id, userId, no = false }, cancellationToken))
            ?.ToImage();

    public static Task DeregisterAsync(Db db, long id, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE images SET deleted = @yes, live_name = NULL, updated_at = @now WHERE id = @id",
            new { id, yes = true, now }, cancellationToken);

    public static Task SetDescriptionAsync(Db db, long id, string description, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE images SET description = @description, updated_at = @now WHERE id = @id",
            new { id, description, now }, cancellationToken);

    public static Task SetPublicAsync(Db db, long id, bool isPublic, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE images SET is_public = @isPublic, updated_at = @now WHERE id = @id",
            new { id, isPublic, now }, cancellationToken);

    /// <summary>The users an image is shared with, in order.</summary>
    public static async Task<IReadOnlyList<string>> ListSharedWithAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await db.QueryAsync<string>("SELECT user_id FROM image_launch_permissions WHERE image_id = @id ORDER BY user_id",
            new { id }, cancellationToken)).ToList();

    public static async Task ShareAsync(Db db, long id, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var already = (await ListSharedWithAsync(db, id, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var userId in userIds.Where(u => !already.Contains(u)).Distinct(StringComparer.Ordinal))
        {
            await db.ExecuteAsync("INSERT INTO image_launch_permissions (image_id, user_id) VALUES (@id, @userId)", new { id, userId }, cancellationToken);
        }
    }

    public static Task UnshareAsync(Db db, long id, IReadOnlyCollection<string>? userIds, CancellationToken cancellationToken) =>
        userIds is null
            ? db.ExecuteAsync("DELETE FROM image_launch_permissions WHERE image_id = @id", new { id }, cancellationToken)
            : db.ExecuteAsync("DELETE FROM image_launch_permissions WHERE image_id = @id AND user_id IN @userIds",
                new { id, userIds = userIds.ToArray() }, cancellationToken);

    /// <summary>The export of the server's pending image finished: the image is available, or failed with the cluster's reason.</summary>
    public static Task FinishExportAsync(Db db, long serverId, bool succeeded, string? message, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE images SET state = @state, state_message = @message, updated_at = @now WHERE source_server_id = @serverId AND state = @pending",
            new
            {
                serverId, state = (succeeded ? ImageState.Available : ImageState.Failed).ToDb(), pending = ImageState.Pending.ToDb(),
                message = succeeded ? null : Truncate(message ?? "The cluster's export job failed."), now,
            },
            cancellationToken);

    /// <summary>Registered images (other than <paramref name="exceptId"/>) that launch from this export.</summary>
    public static async Task<long> CountUsingExportAsync(Db db, ImageExport export, long exceptId, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM images WHERE backend_id = @BackendId AND export_path = @Path AND export_node = @Node AND deleted = @no AND id <> @exceptId",
            new { export.BackendId, export.Path, export.Node, no = false, exceptId }, cancellationToken);

    /// <summary>A registered image that launches from this export, if any.</summary>
    public static Task<long?> FindUsingExportAsync(Db db, ImageExport export, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<long?>(
            "SELECT MIN(id) FROM images WHERE backend_id = @BackendId AND export_path = @Path AND export_node = @Node AND deleted = @no",
            new { export.BackendId, export.Path, export.Node, no = false }, cancellationToken);

    /// <summary>The export job of the server's pending image, once it is known.</summary>
    public static Task RecordExportJobAsync(Db db, long serverId, long jobId, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE images SET export_job_id = @jobId WHERE source_server_id = @serverId AND state = @pending",
            new { serverId, jobId, pending = ImageState.Pending.ToDb() }, cancellationToken);

    /// <summary>The pending images made from servers of the backend, with their export jobs (null while not submitted).</summary>
    public static async Task<IReadOnlyList<PendingExport>> ListPendingExportsAsync(Db db, long backendId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<PendingExport>(
            """
            SELECT id AS ImageId, source_server_id AS ServerId, export_job_id AS JobId FROM images
            WHERE backend_id = @backendId AND state = @pending AND source_server_id IS NOT NULL ORDER BY id
            """,
            new { backendId, pending = ImageState.Pending.ToDb() }, cancellationToken)).ToList();

    /// <summary>The image's export finished (looked up after the dispatcher missed its result); only a still pending image changes.</summary>
    public static Task FinishExportOfImageAsync(Db db, long imageId, bool succeeded, string? message, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE images SET state = @state, state_message = @message, updated_at = @now WHERE id = @imageId AND state = @pending",
            new
            {
                imageId, state = (succeeded ? ImageState.Available : ImageState.Failed).ToDb(), pending = ImageState.Pending.ToDb(),
                message = succeeded ? null : Truncate(message ?? "The cluster's export job failed."), now,
            },
            cancellationToken);

    /// <summary>
    /// The exports on the backend that deregistered images used and that are not settled yet (no decision, or a removal not
    /// finished), with the server each was made from (an export's place is its server's, so every image using it has that server).
    /// </summary>
    public static async Task<IReadOnlyList<ExportToRemove>> ListExportsToRemoveAsync(Db db, long backendId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ExportToRemove>(
            """
            SELECT DISTINCT backend_id AS BackendId, export_node AS Node, export_path AS Path, source_server_id AS ServerId FROM images
            WHERE backend_id = @backendId AND deleted = @yes AND export_path IS NOT NULL
                AND (export_removal IS NULL OR export_removal = @removing)
            """,
            new { backendId, yes = true, removing = ExportRemoval.Removing }, cancellationToken)).ToList();

    /// <summary>Marks what happens to the export of the deregistered images using it (those not already settled).</summary>
    public static Task SetExportRemovalAsync(Db db, ImageExport export, string removal, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE images SET export_removal = @removal, updated_at = @now
            WHERE backend_id = @BackendId AND export_node = @Node AND export_path = @Path AND deleted = @yes
                AND (export_removal IS NULL OR export_removal = @removing)
            """,
            new { export.BackendId, export.Node, export.Path, removal, now, yes = true, removing = ExportRemoval.Removing }, cancellationToken);

    /// <summary>Whether the cluster is being asked to remove this export (a new export of the same server must wait for that).</summary>
    public static async Task<bool> IsExportBeingRemovedAsync(Db db, ImageExport export, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM images
            WHERE backend_id = @BackendId AND export_node = @Node AND export_path = @Path AND deleted = @yes AND export_removal = @removing
            """,
            new { export.BackendId, export.Node, export.Path, yes = true, removing = ExportRemoval.Removing }, cancellationToken) > 0;

    private static string Truncate(string message) => message.Length > 1024 ? message[..1024] : message;
}

/// <summary>A pending image made from a server, and its export job once submitted.</summary>
internal sealed record PendingExport(long ImageId, long ServerId, long? JobId);

/// <summary>An export deregistered images used, and the server it was made from.</summary>
internal sealed record ExportToRemove(long BackendId, string Node, string Path, long ServerId)
{
    public ImageExport Export => new(BackendId, Node, Path);
}

/// <summary>What became of the export of a deregistered image (column <c>export_removal</c>).</summary>
internal static class ExportRemoval
{
    /// <summary>No registered image uses it: the cluster is asked to remove it (until it has).</summary>
    public const string Removing = "REMOVING";

    /// <summary>The cluster no longer keeps it.</summary>
    public const string Removed = "REMOVED";

    /// <summary>Another image uses it (a copy, or a newer image of the server in the same place): that one's deregistration removes it.</summary>
    public const string Kept = "KEPT";
}
