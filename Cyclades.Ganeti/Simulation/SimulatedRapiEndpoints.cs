using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cyclades.Ganeti.Rapi.Json;
using Cyclades.Ganeti.Rapi.Models;
using Cyclades.Ganeti.Simulation.Operations;

namespace Cyclades.Ganeti.Simulation;

/// <summary>The RAPI resources of the simulated cluster, routed as Ganeti routes them.</summary>
internal sealed class SimulatedRapiEndpoints(SimulatedGanetiCluster cluster)
{
    private static readonly RapiJsonContext Json = SimulatedRapiJson.Wire;

    public async Task<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw SimulatedRapiError.BadRequest("no URI");
        var path = uri.AbsolutePath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var bulk = uri.Query.TrimStart('?').Split('&').Contains("bulk=1");
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body is { Length: > 0 } && request.Content!.Headers.ContentType?.MediaType != "application/json")
        {
            throw new SimulatedRapiError(HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type");
        }
        HttpResponseMessage Answer<T>(T value, JsonTypeInfo<T> type) => SimulatedRapiResponses.Json(request, value, type);
        HttpResponseMessage Job(SimulatedOp op) => Answer(cluster.Submit(op), Json.Int64);

        return (path, request.Method.Method) switch
        {
            (["version"], "GET") => Answer(2, Json.Int32),
            (["2", "info"], "GET") => Answer(cluster.Read((state, _, _) => SimulatedClusterInfo.Build(state)), Json.GanetiClusterInfo),
            (["2", "features"], "GET") => Answer(SimulatedClusterInfo.Features, Json.IReadOnlyListString),
            (["2", "os"], "GET") => Answer(cluster.Options.EffectiveOperatingSystems, Json.IReadOnlyListString),
            (["2", "modify"], "PUT") => Job(new ModifyClusterOp(Read(body, Json.DictionaryStringJsonElement))),
            (["2", "nodes"], "GET") => Answer(cluster.Read((state, _, _) => Nodes(state)), Json.IReadOnlyListGanetiNode),
            (["2", "instances"], "GET") when bulk => Answer(cluster.ListInstances(), Json.IReadOnlyListGanetiInstance),
            (["2", "instances"], "GET") => Answer(Links(cluster.ListInstances().Select(i => i.Name), "instances"),
                Json.IReadOnlyListGanetiResourceLink),
            (["2", "instances"], "POST") => Job(new CreateInstanceOp(Read(body, Json.InstanceCreateRequest), cluster.Options.DefaultHypervisor)),
            (["2", "instances", var name], "GET") => Answer(
                cluster.FindInstance(name) ?? throw new SimulatedRapiError(HttpStatusCode.NotFound, "Not Found"), Json.GanetiInstance),
            (["2", "instances", var name], "DELETE") => Job(new RemoveInstanceOp(name)),
            (["2", "instances", var name, "startup"], "PUT") => Job(new StartupInstanceOp(name)),
            (["2", "instances", var name, "shutdown"], "PUT") => Job(new ShutdownInstanceOp(name,
                ReadOptional(body, Json.InstanceShutdownRequest)?.TimeoutSeconds)),
            (["2", "instances", var name, "reboot"], "POST") => Job(new RebootInstanceOp(name, RebootType(uri),
                ReadOptional(body, Json.InstanceRebootRequest)?.ShutdownTimeoutSeconds)),
            (["2", "instances", var name, "modify"], "PUT") => Job(new ModifyInstanceOp(name, Read(body, Json.InstanceModifyRequest))),
            (["2", "instances", var name, "disk", var index, "grow"], "POST") => Job(new GrowDiskOp(name, DiskIndex(index),
                Read(body, Json.DiskGrowRequest))),
            (["2", "instances", var name, "tags"], "GET") => Answer(
                (cluster.FindInstance(name) ?? throw new SimulatedRapiError(HttpStatusCode.NotFound, "Not Found")).Tags ?? [], Json.IReadOnlyListString),
            (["2", "instances", var name, "tags"], "PUT" or "DELETE") => Job(new InstanceTagsOp(name, TagParameters(uri), request.Method == HttpMethod.Delete)),
            (["2", "instances", var name, "export"], "PUT") => Job(new ExportInstanceOp(name, Read(body, Json.InstanceExportRequest))),
            (["2", "groups"], "GET") => Answer(NamedLinks([SimulatedClusterState.NodeGroup], "groups"), Json.IReadOnlyListGanetiNamedLink),
            (["2", "networks"], "GET") => Answer(cluster.Read((state, _, _) => NamedLinks(state.Networks.Select(n => n.Name).Order(StringComparer.Ordinal), "networks")),
                Json.IReadOnlyListGanetiNamedLink),
            (["2", "networks"], "POST") => Job(new AddNetworkOp(Read(body, Json.NetworkCreateRequest))),
            (["2", "networks", var name], "GET") => Answer(
                cluster.Read((state, _, _) => state.FindNetwork(name)?.ToModel(state.Instances))
                ?? throw new SimulatedRapiError(HttpStatusCode.NotFound, "Not Found"), Json.GanetiNetwork),
            (["2", "networks", var name], "DELETE") => Job(new RemoveNetworkOp(name)),
            (["2", "networks", var name, "connect"], "PUT") => Job(new ConnectNetworkOp(name, Read(body, Json.NetworkConnectRequest))),
            (["2", "jobs"], "GET") when bulk => SimulatedRapiResponses.Json(request, HttpStatusCode.OK, BulkJobs()),
            (["2", "jobs"], "GET") => Answer(cluster.Read((_, queue, _) => Links(queue.Listed.Select(j => j.Id.ToString(CultureInfo.InvariantCulture)), "jobs")),
                Json.IReadOnlyListGanetiResourceLink),
            (["2", "jobs", var id], "GET") => Answer(JobOrNulls(JobId(id)), Json.GanetiJob),
            (["2", "jobs", var id, "wait"], "GET") => Answer(
                await SimulatedJobWait.WaitAsync(cluster, JobId(id), Read(body, Json.JobWaitRequest), cancellationToken), Json.JobWaitResult),
            _ when IsResource(path) => throw new SimulatedRapiError(HttpStatusCode.NotImplemented,
                $"Method {request.Method.Method} is unsupported for path {uri.AbsolutePath}"),
            _ => throw new SimulatedRapiError(HttpStatusCode.NotFound, "Not Found"),
        };
    }

    private GanetiJob JobOrNulls(long id) =>
        cluster.FindJob(id) ?? new GanetiJob { Id = id }; // Ganeti: HTTP 200, every other field null

    /// <summary>The bulk job listing has no <c>oplog</c> and <c>opresult</c>.</summary>
    private byte[] BulkJobs()
    {
        var jobs = cluster.Read((_, queue, now) => queue.Listed.Select(job => job.ToModel(now, withResults: false)).ToList());
        var array = JsonSerializer.SerializeToNode(jobs, Json.IReadOnlyListGanetiJob)!.AsArray();
        foreach (var job in array.OfType<JsonObject>())
        {
            job.Remove("oplog");
            job.Remove("opresult");
        }
        return System.Text.Encoding.UTF8.GetBytes(array.ToJsonString(Json.Options));
    }

    private static List<GanetiNode> Nodes(SimulatedClusterState state) =>
        state.Nodes.Select(node => node.ToModel(state.Instances, node.Name == state.MasterNode)).ToList();

    private static List<GanetiResourceLink> Links(IEnumerable<string> ids, string resource) =>
        ids.Select(id => new GanetiResourceLink(
            resource == "jobs" ? JsonSerializer.SerializeToElement(long.Parse(id, CultureInfo.InvariantCulture), Json.Int64)
                : SimulatedJson.String(id),
            $"/2/{resource}/{id}")).ToList();

    /// <summary>Groups and networks are listed by name, not id.</summary>
    private static List<GanetiNamedLink> NamedLinks(IEnumerable<string> names, string resource) =>
        names.Select(name => new GanetiNamedLink(name, $"/2/{resource}/{name}")).ToList();

    private static string RebootType(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').FirstOrDefault(pair => pair.StartsWith("type=", StringComparison.Ordinal))?["type=".Length..]
        ?? GanetiRebootTypes.Hard;

    /// <summary>The <c>tag=</c> parameters; Ganeti answers none with HTTP 400.</summary>
    private static List<string> TagParameters(Uri uri)
    {
        var tags = uri.Query.TrimStart('?').Split('&')
            .Where(pair => pair.StartsWith("tag=", StringComparison.Ordinal))
            .Select(pair => Uri.UnescapeDataString(pair["tag=".Length..]))
            .ToList();
        return tags.Count > 0 ? tags : throw SimulatedRapiError.BadRequest("Missing 'tag' query argument");
    }

    private static long JobId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
            : throw SimulatedRapiError.BadRequest($"Invalid job id '{text}'");

    /// <summary>Ganeti routes only digits here (<c>_DISK_PATTERN</c>); anything else is no resource.</summary>
    private static int DiskIndex(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index
            : throw new SimulatedRapiError(HttpStatusCode.NotFound, "Not Found");

    private static bool IsResource(string[] path) => path switch
    {
        ["version"] or ["2", "info" or "features" or "os" or "modify" or "nodes" or "instances" or "jobs" or "networks" or "groups"] => true,
        ["2", "networks", _] or ["2", "networks", _, "connect"] => true,
        ["2", "instances", _] or ["2", "instances", _, "startup" or "shutdown" or "reboot" or "modify" or "export" or "tags"] => true,
        ["2", "instances", _, "disk", _, "grow"] => true,
        ["2", "jobs", _] or ["2", "jobs", _, "wait"] => true,
        _ => false,
    };

    private static T Read<T>(byte[]? body, JsonTypeInfo<T> type) =>
        ReadOptional(body, type) ?? throw SimulatedRapiError.BadRequest("Invalid body contents, not a dictionary");

    private static T? ReadOptional<T>(byte[]? body, JsonTypeInfo<T> type)
    {
        if (body is null || body.Length == 0)
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException e)
        {
            throw SimulatedRapiError.InvalidBodyParameter(e.Message);
        }
    }
}
