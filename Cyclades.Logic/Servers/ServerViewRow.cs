using Cyclades.Logic.Catalog;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers;

/// <summary>A server row joined with its flavor, backend and launch.</summary>
internal sealed record ServerViewRow : ServerRow
{
    public const string Select = $"""
        SELECT {Columns}, f.name AS FlavorName, f.cpu AS FlavorCpu, f.ram_mib AS FlavorRamMiB, f.disk_gib AS FlavorDiskGiB,
            f.disk_template AS FlavorDiskTemplate, f.deleted AS FlavorDeleted, f.origin AS FlavorOrigin, b.name AS BackendName,
            l.idempotency_key AS IdempotencyKey
        FROM servers s
        JOIN flavors f ON f.id = s.flavor_id
        JOIN backends b ON b.id = s.backend_id
        LEFT JOIN launches l ON l.id = s.launch_id
        """;

    public required string FlavorName { get; init; }

    public int FlavorCpu { get; init; }

    public int FlavorRamMiB { get; init; }

    public int FlavorDiskGiB { get; init; }

    public required string FlavorDiskTemplate { get; init; }

    public bool FlavorDeleted { get; init; }

    public required string FlavorOrigin { get; init; }

    public required string BackendName { get; init; }

    public string? IdempotencyKey { get; init; }

    public ServerView ToView() => new(
        ToServer(),
        new Flavor(FlavorId, FlavorName, FlavorCpu, FlavorRamMiB, FlavorDiskGiB, FlavorDiskTemplate, FlavorDeleted)
        {
            Origin = DbNames.Parse<DefinitionOrigin>(FlavorOrigin),
        },
        BackendName,
        IdempotencyKey);
}
