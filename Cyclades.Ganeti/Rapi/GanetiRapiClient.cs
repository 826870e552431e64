namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// A typed client of the Ganeti Remote API, version 2: one client per resource over one
/// <see cref="RapiConnection"/>. Works the same against a real cluster and the simulated one
/// (whose handler is then the connection's transport).
/// </summary>
public sealed class GanetiRapiClient : IDisposable
{
    public GanetiRapiClient(RapiConnection connection)
    {
        Connection = connection;
        Cluster = new ClusterClient(connection);
        Instances = new InstancesClient(connection);
        Disks = new InstanceDisksClient(connection);
        Tags = new InstanceTagsClient(connection);
        Jobs = new JobsClient(connection);
        Nodes = new NodesClient(connection);
        Networks = new NetworksClient(connection);
        Groups = new GroupsClient(connection);
    }

    /// <param name="transport">The last HTTP handler; null = the network.</param>
    public GanetiRapiClient(RapiClientSettings settings, HttpMessageHandler? transport = null)
        : this(new RapiConnection(settings, transport))
    {
    }

    public RapiConnection Connection { get; }

    public ClusterClient Cluster { get; }

    public InstancesClient Instances { get; }

    public InstanceDisksClient Disks { get; }

    public InstanceTagsClient Tags { get; }

    public JobsClient Jobs { get; }

    public NodesClient Nodes { get; }

    public NetworksClient Networks { get; }

    public GroupsClient Groups { get; }

    public void Dispose() => Connection.Dispose();
}
