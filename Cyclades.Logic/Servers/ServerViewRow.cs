using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Servers;

/// <summary>A server row joined with its flavor, backend and launch.</summary>
internal sealed record ServerViewRow : ServerRow
{
    /// <summary>The query up to its WHERE, from <c>servers s</c>.</summary>
    public const string Select = $"SELECT {SelectList} FROM servers s {Joins}";

    /// <summary>
    /// The first <c>@take</c> servers matching <paramref name="where"/> (conditions on <c>servers s</c>
    /// only) in id order. The page is chosen from <c>servers</c> alone, where an index gives the order
    /// and the LIMIT ends the scan, and only then joined: with the joins in the same query MariaDB may
    /// join the small tables by block nested loop, which loses the order and sorts every matching
    /// server — all of a user's servers for each page — before the LIMIT.
    /// </summary>
    public static string Page(string where) => $"""
        SELECT {SelectList}
        FROM (SELECT s.id FROM servers s WHERE {where} ORDER BY s.id LIMIT @take) page
        JOIN servers s ON s.id = page.id {Joins}
        ORDER BY s.id
        """;

    private const string SelectList = $"""
        {Columns}, f.name AS FlavorName, f.cpu AS FlavorCpu, f.ram_mib AS FlavorRamMiB, f.disk_gib AS FlavorDiskGiB,
            f.disk_template AS FlavorDiskTemplate, f.deleted AS FlavorDeleted, f.origin AS FlavorOrigin, b.name AS BackendName,
            l.idempotency_key AS IdempotencyKey
        """;

    private const string Joins = """
        JOIN flavors f ON f.id = s.flavor_id
        JOIN backends b ON b.id = s.backend_id
        LEFT JOIN launches l ON l.id = s.launch_id
        """;

    /// <summary>The server's columns already read, the joined ones read here, in the order of the SELECT list.</summary>
    [SetsRequiredMembers]
    private ServerViewRow(ServerRow server, ref RowCursor c)
        : base(server)
    {
        FlavorName = c.String();
        FlavorCpu = c.Int32();
        FlavorRamMiB = c.Int32();
        FlavorDiskGiB = c.Int32();
        FlavorDiskTemplate = c.String();
        FlavorDeleted = c.Boolean();
        FlavorOrigin = c.String();
        BackendName = c.String();
        IdempotencyKey = c.NullableString();
    }

    /// <summary>Reads a row of <see cref="Select"/> or <see cref="Page"/> (see <see cref="RowCursor"/>).</summary>
    public static ServerViewRow Read(DbDataReader reader)
    {
        var c = new RowCursor(reader);
        return new ServerViewRow(ServerRow.Read(ref c), ref c);
    }

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
