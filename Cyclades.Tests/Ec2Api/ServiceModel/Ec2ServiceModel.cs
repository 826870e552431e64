using System.IO.Compression;
using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Ec2Api.ServiceModel;

/// <summary>botocore's EC2 service model (data/ec2/2016-11-15/service-2.json[.gz]), as shipped with the default python3.</summary>
public sealed class Ec2ServiceModel(JsonElement root)
{
    private static readonly SemaphoreSlim Gate = new(1);
    private static Ec2ServiceModel? _loaded;

    public static async Task<Ec2ServiceModel> LoadAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_loaded is null)
            {
                var path = await Python.Ec2ServiceModelPathAsync();
                await using var file = File.OpenRead(path);
                Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
                _loaded = new Ec2ServiceModel((await JsonDocument.ParseAsync(stream)).RootElement.Clone());
            }
            return _loaded;
        }
        finally
        {
            Gate.Release();
        }
    }

    public bool HasOperation(string name) => root.GetProperty("operations").TryGetProperty(name, out _);

    public JsonElement? InputShape(string operation) => ShapeOf(operation, "input");

    public JsonElement? OutputShape(string operation) => ShapeOf(operation, "output");

    public JsonElement Shape(string name) => root.GetProperty("shapes").GetProperty(name);

    /// <summary>The shape a member (or list member) reference points to.</summary>
    public JsonElement Target(JsonElement reference) => Shape(reference.GetProperty("shape").GetString()!);

    private JsonElement? ShapeOf(string operation, string direction) =>
        root.GetProperty("operations").GetProperty(operation).TryGetProperty(direction, out var reference) ? Target(reference) : null;
}
