using System.Buffers.Binary;
using System.Data;
using System.Net;
using FluentMigrator;

namespace Cyclades.Logic.Persistence.Migrations;

/// <summary>
/// Networks, subnets, ports and the IP pool (<c>Networks/</c>). Every backend gets its public subnet
/// (its <c>network_cidr</c>, gateway = the first host), and every live server with a private address
/// gets its primary port (device index 0) on it and the pool row that holds the address: the pool
/// now decides which addresses are free, so <c>servers.private_ip</c> (kept as the primary port's
/// address for its readers) is no longer unique per backend — private subnets of one cluster may
/// overlap.
/// </summary>
[Migration(202612080300, "Networks, subnets, ports, IP pool")]
public sealed class M202612080300Networks : Migration
{
    public override void Up()
    {
        Create.Table("networks")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            // The user of a default network; NULL for the others (NULLs never collide): one default each.
            .WithColumn("default_for").AsText(64).Nullable()
            .WithColumn("cidr").AsText(18).Nullable()
            .WithColumn("is_default").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("state").AsText(16).NotNullable()
            .WithColumn("dns_support").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("dns_hostnames").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("commission_id").AsInt64().Nullable()
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("deleted_at").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
        Create.Index("ux_networks_default_for").OnTable("networks")
            .OnColumn("default_for").Ascending().WithOptions().Unique();
        Create.Index("ix_networks_user").OnTable("networks")
            .OnColumn("user_id").Ascending().OnColumn("deleted").Ascending().OnColumn("id").Ascending();

        Create.Table("subnets")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("network_id").AsInt64().Nullable().ForeignKey("fk_subnets_network", "networks", "id")
            .WithColumn("user_id").AsText(64).Nullable()
            .WithColumn("backend_id").AsInt64().NotNullable().ForeignKey("fk_subnets_backend", "backends", "id")
            // The backend of a public subnet; NULL for private ones: one public subnet per backend.
            .WithColumn("public_of").AsInt64().Nullable()
            .WithColumn("cidr").AsText(18).NotNullable()
            .WithColumn("gateway").AsText(15).NotNullable()
            .WithColumn("is_public").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("auto_public_address").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("state").AsText(16).NotNullable()
            // Whether the subnet's Ganeti network exists and is connected on its cluster (private subnets).
            .WithColumn("cluster_ready").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("deleted").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("deleted_at").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
        Create.Index("ux_subnets_public_of").OnTable("subnets")
            .OnColumn("public_of").Ascending().WithOptions().Unique();
        Create.Index("ix_subnets_network").OnTable("subnets")
            .OnColumn("network_id").Ascending().OnColumn("deleted").Ascending();
        Create.Index("ix_subnets_user").OnTable("subnets")
            .OnColumn("user_id").Ascending().OnColumn("deleted").Ascending();

        // A user's own settings of a shared (public) subnet.
        Create.Table("subnet_user_settings")
            .WithColumn("subnet_id").AsInt64().NotNullable().PrimaryKey().ForeignKey("fk_subnet_user_settings_subnet", "subnets", "id")
            .WithColumn("user_id").AsText(64).NotNullable().PrimaryKey()
            .WithColumn("auto_public_address").AsBoolean().NotNullable();

        Create.Table("ports")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("user_id").AsText(64).NotNullable()
            .WithColumn("server_id").AsInt64().Nullable().ForeignKey("fk_ports_server", "servers", "id")
            .WithColumn("subnet_id").AsInt64().NotNullable().ForeignKey("fk_ports_subnet", "subnets", "id")
            .WithColumn("device_index").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("address").AsText(45).Nullable()
            .WithColumn("mac").AsText(17).Nullable()
            .WithColumn("state").AsText(16).NotNullable()
            .WithColumn("description").AsText(255).NotNullable().WithDefaultValue("")
            .WithColumn("source_dest_check").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("delete_on_termination").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("created_at").AsInt64().NotNullable()
            .WithColumn("updated_at").AsInt64().NotNullable();
        Create.Index("ix_ports_server").OnTable("ports")
            .OnColumn("server_id").Ascending().OnColumn("device_index").Ascending();
        Create.Index("ix_ports_subnet").OnTable("ports").OnColumn("subnet_id").Ascending();
        Create.Index("ix_ports_user").OnTable("ports").OnColumn("user_id").Ascending().OnColumn("id").Ascending();

        Create.Table("ip_addresses")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity()
            .WithColumn("subnet_id").AsInt64().NotNullable().ForeignKey("fk_ip_addresses_subnet", "subnets", "id")
            .WithColumn("address").AsText(45).NotNullable()
            .WithColumn("port_id").AsInt64().Nullable()
            .WithColumn("floating_ip_id").AsInt64().Nullable()
            .WithColumn("created_at").AsInt64().NotNullable();
        // The pool: an address is taken by inserting its row, so no two holders ever get it.
        Create.Index("ux_ip_addresses_subnet_address").OnTable("ip_addresses")
            .OnColumn("subnet_id").Ascending().OnColumn("address").Ascending().WithOptions().Unique();
        Create.Index("ix_ip_addresses_port").OnTable("ip_addresses").OnColumn("port_id").Ascending();

        Execute.WithConnection(MoveAddresses);

        Delete.Index("ux_servers_backend_private_ip").OnTable("servers");
        Create.Index("ix_servers_backend_private_ip").OnTable("servers")
            .OnColumn("backend_id").Ascending().OnColumn("private_ip").Ascending();
    }

    public override void Down()
    {
        Delete.Index("ix_servers_backend_private_ip").OnTable("servers");
        Create.Index("ux_servers_backend_private_ip").OnTable("servers")
            .OnColumn("backend_id").Ascending().OnColumn("private_ip").Ascending().WithOptions().Unique();
        Delete.Table("ip_addresses");
        Delete.Table("ports");
        Delete.Table("subnet_user_settings");
        Delete.Table("subnets");
        Delete.Table("networks");
    }

    /// <summary>A public subnet per backend, a primary port and a pool row per live server with an address.</summary>
    private static void MoveAddresses(IDbConnection connection, IDbTransaction transaction)
    {
        var now = UnixTime.ToMicros(DateTimeOffset.UtcNow);
        var backends = new List<(long Id, string Cidr)>();
        using (var read = Command(connection, transaction, "SELECT id, network_cidr FROM backends ORDER BY id"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                backends.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }
        foreach (var (id, cidr) in backends)
        {
            using var insert = Command(connection, transaction,
                """
                INSERT INTO subnets (backend_id, public_of, cidr, gateway, is_public, auto_public_address, state, cluster_ready, created_at, updated_at)
                VALUES (@id, @id, @cidr, @gateway, 1, 1, 'ACTIVE', 1, @now, @now)
                """);
            Add(insert, "@id", id);
            Add(insert, "@cidr", cidr);
            Add(insert, "@gateway", FirstHost(cidr));
            Add(insert, "@now", now);
            insert.ExecuteNonQuery();
        }
        foreach (var sql in new[]
        {
            """
            INSERT INTO ports (user_id, server_id, subnet_id, device_index, address, state, created_at, updated_at)
            SELECT s.user_id, s.id, n.id, 0, s.private_ip,
                CASE WHEN s.operstate IN ('STARTED', 'STOPPED') THEN 'ACTIVE' WHEN s.operstate = 'ERROR' THEN 'ERROR' ELSE 'BUILD' END,
                s.created_at, s.updated_at
            FROM servers s JOIN subnets n ON n.public_of = s.backend_id
            WHERE s.private_ip IS NOT NULL AND s.deleted = 0
            ORDER BY s.id
            """,
            """
            INSERT INTO ip_addresses (subnet_id, address, port_id, created_at)
            SELECT p.subnet_id, p.address, p.id, p.created_at FROM ports p ORDER BY p.id
            """,
        })
        {
            using var command = Command(connection, transaction, sql);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The gateway: the network address plus one (kept here so the migration means the same whatever the code becomes).</summary>
    private static string FirstHost(string cidr)
    {
        var network = IPAddress.Parse(cidr.Split('/')[0]);
        var value = BinaryPrimitives.ReadUInt32BigEndian(network.GetAddressBytes()) + 1;
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes).ToString();
    }

    private static IDbCommand Command(IDbConnection connection, IDbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
