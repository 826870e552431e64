using System.Text.Json;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Catalog;

internal static class CatalogRepository
{
    private const string FlavorColumns =
        "id AS Id, name AS Name, cpu AS Cpu, ram_mib AS RamMiB, disk_gib AS DiskGiB, disk_template AS DiskTemplate, deleted AS Deleted, origin AS Origin, "
        + "(SELECT GROUP_CONCAT(t.volume_type) FROM flavor_volume_types t WHERE t.flavor_id = flavors.id) AS VolumeTypes";

    internal const string ImageColumns =
        "id AS Id, name AS Name, description AS Description, os_type AS OsType, os_parameters AS OsParameters, key_parameter AS KeyParameter, deleted AS Deleted, origin AS Origin, created_at AS CreatedAt, "
        + "owner_user_id AS OwnerUserId, state AS State, state_message AS StateMessage, is_public AS IsPublic, source_image_id AS SourceImageId, "
        + "source_server_id AS SourceServerId, backend_id AS BackendId, export_node AS ExportNode, export_path AS ExportPath, "
        + "min_disk_gib AS MinDiskGiB, disk_template AS DiskTemplate";

    public static async Task<IReadOnlyList<Flavor>> ListFlavorsAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<FlavorRow>($"SELECT {FlavorColumns} FROM flavors ORDER BY id", null, cancellationToken))
            .Select(r => r.ToFlavor()).ToList();

    public static async Task<Flavor?> GetFlavorAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<FlavorRow>($"SELECT {FlavorColumns} FROM flavors WHERE id = @id", new { id }, cancellationToken))
            ?.ToFlavor();

    public static async Task<Flavor?> FindFlavorAsync(Db db, string name, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<FlavorRow>(
            $"SELECT {FlavorColumns} FROM flavors WHERE name = @name AND deleted = @no", new { name, no = false }, cancellationToken))
            ?.ToFlavor();

    /// <summary>
    /// The flavor with this compute that allows the volume type (a resize changes compute only),
    /// preferring one still offered, then one with <paramref name="diskGiB"/> as its default disk.
    /// </summary>
    public static async Task<Flavor?> FindFlavorBySpecsAsync(Db db, int cpu, int ramMiB, string volumeType, int diskGiB, CancellationToken cancellationToken) =>
        (await db.QueryAsync<FlavorRow>(
            $"""
            SELECT {FlavorColumns} FROM flavors
            WHERE cpu = @cpu AND ram_mib = @ramMiB
            ORDER BY deleted, CASE WHEN disk_gib = @diskGiB THEN 0 ELSE 1 END, id
            """,
            new { cpu, ramMiB, diskGiB }, cancellationToken))
            .Select(r => r.ToFlavor()).FirstOrDefault(f => f.AllowsVolumeType(volumeType));

    public static async Task<long> InsertFlavorAsync(Db db, FlavorDefinition f, DefinitionOrigin origin, long now, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO flavors (name, cpu, ram_mib, disk_gib, disk_template, deleted, origin, created_at, updated_at)
            VALUES (@Name, @Cpu, @RamMiB, @DiskGiB, @DiskTemplate, @no, @origin, @now, @now)
            """,
            new { f.Name, f.Cpu, f.RamMiB, f.DiskGiB, f.DiskTemplate, no = false, origin = origin.ToDb(), now }, cancellationToken);
        await SetVolumeTypesAsync(db, id, f.DiskTemplate, cancellationToken);
        return id;
    }

    public static async Task UpdateFlavorAsync(
        Db db, long id, string name, FlavorDefinition specs, bool deleted, DefinitionOrigin origin, long now, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(
            """
            UPDATE flavors SET name = @name, cpu = @Cpu, ram_mib = @RamMiB, disk_gib = @DiskGiB, disk_template = @DiskTemplate,
                deleted = @deleted, origin = @origin, updated_at = @now
            WHERE id = @id
            """,
            new { id, name, specs.Cpu, specs.RamMiB, specs.DiskGiB, specs.DiskTemplate, deleted, origin = origin.ToDb(), now }, cancellationToken);
        await SetVolumeTypesAsync(db, id, specs.DiskTemplate, cancellationToken);
    }

    /// <summary>A flavor allows the volume type of its disk template.</summary>
    private static async Task SetVolumeTypesAsync(Db db, long flavorId, string diskTemplate, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync("DELETE FROM flavor_volume_types WHERE flavor_id = @flavorId", new { flavorId }, cancellationToken);
        await db.ExecuteAsync(
            "INSERT INTO flavor_volume_types (flavor_id, volume_type) VALUES (@flavorId, @diskTemplate)", new { flavorId, diskTemplate }, cancellationToken);
    }

    public static async Task<bool> IsFlavorInUseAsync(Db db, long id, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM servers WHERE flavor_id = @id", new { id }, cancellationToken) > 0;

    public static async Task<IReadOnlyList<Image>> ListImagesAsync(Db db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ImageRow>($"SELECT {ImageColumns} FROM images ORDER BY id", null, cancellationToken))
            .Select(r => r.ToImage()).ToList();

    public static async Task<Image?> GetImageAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await db.QuerySingleOrDefaultAsync<ImageRow>($"SELECT {ImageColumns} FROM images WHERE id = @id", new { id }, cancellationToken))
            ?.ToImage();

    public static async Task UpsertImageAsync(Db db, ImageDefinition image, bool exists, DefinitionOrigin origin, long now, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            Id = image.Number,
            image.Name,
            image.Description,
            image.Os,
            OsParameters = JsonSerializer.Serialize(new SortedDictionary<string, string>(image.OsParameters, StringComparer.Ordinal)),
            image.KeyParameter,
            image.MinDiskGiB,
            no = false,
            origin = origin.ToDb(),
            now,
        };
        await db.ExecuteAsync(
            exists
                ? """
                  UPDATE images SET name = @Name, description = @Description, os_type = @Os, os_parameters = @OsParameters,
                      key_parameter = @KeyParameter, min_disk_gib = @MinDiskGiB, deleted = @no, origin = @origin, updated_at = @now
                  WHERE id = @Id
                  """
                : """
                  INSERT INTO images (id, name, description, os_type, os_parameters, key_parameter, min_disk_gib, deleted, origin, created_at, updated_at)
                  VALUES (@Id, @Name, @Description, @Os, @OsParameters, @KeyParameter, @MinDiskGiB, @no, @origin, @now, @now)
                  """,
            parameters, cancellationToken);
    }

    public static async Task<long> NextImageNumberAsync(Db db, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM images", null, cancellationToken);

    public static Task RetireImageAsync(Db db, long id, long now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("UPDATE images SET deleted = @yes, updated_at = @now WHERE id = @id", new { id, yes = true, now }, cancellationToken);

    private sealed record FlavorRow
    {
        public long Id { get; init; }

        public required string Name { get; init; }

        public int Cpu { get; init; }

        public int RamMiB { get; init; }

        public int DiskGiB { get; init; }

        public required string DiskTemplate { get; init; }

        public bool Deleted { get; init; }

        public required string Origin { get; init; }

        public string? VolumeTypes { get; init; }

        public Flavor ToFlavor() => new(Id, Name, Cpu, RamMiB, DiskGiB, DiskTemplate, Deleted)
        {
            Origin = DbNames.Parse<DefinitionOrigin>(Origin),
            VolumeTypes = VolumeTypes?.Split(',').Order(StringComparer.Ordinal).ToList() ?? [DiskTemplate],
        };
    }

    internal sealed record ImageRow
    {
        public long Id { get; init; }

        public required string Name { get; init; }

        public required string Description { get; init; }

        public required string OsType { get; init; }

        public required string OsParameters { get; init; }

        public string? KeyParameter { get; init; }

        public bool Deleted { get; init; }

        public required string Origin { get; init; }

        public long CreatedAt { get; init; }

        public string? OwnerUserId { get; init; }

        public string State { get; init; } = "AVAILABLE";

        public string? StateMessage { get; init; }

        public bool IsPublic { get; init; }

        public long? SourceImageId { get; init; }

        public long? SourceServerId { get; init; }

        public long? BackendId { get; init; }

        public string? ExportNode { get; init; }

        public string? ExportPath { get; init; }

        public int MinDiskGiB { get; init; }

        public string? DiskTemplate { get; init; }

        public Image ToImage() => new(
            Id, Name, Description, OsType,
            JsonSerializer.Deserialize<SortedDictionary<string, string>>(OsParameters) ?? [],
            KeyParameter, Deleted)
        {
            Origin = DbNames.Parse<DefinitionOrigin>(Origin),
            CreatedAt = UnixTime.FromMicros(CreatedAt),
            OwnerUserId = OwnerUserId,
            State = DbNames.Parse<ImageState>(State),
            StateMessage = StateMessage,
            IsPublic = IsPublic,
            SourceImageId = SourceImageId,
            SourceServerId = SourceServerId,
            Export = BackendId is { } backend && ExportNode is { } node && ExportPath is { } path ? new ImageExport(backend, node, path) : null,
            MinDiskGiB = MinDiskGiB,
            DiskTemplate = DiskTemplate,
        };
    }
}
