using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

/// <summary>boto3 against the real host, including a presigned GET URL.</summary>
[Category("Contract")]
public sealed class Boto3ContractTests
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() => _host = await Ec2ApiHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private Task<JsonElement> Call(TestUser user, string operation, object? parameters = null, bool presignGet = false) =>
        Python.RunScriptAsync("boto3_call.py", new
        {
            endpoint = _host.Endpoint.ToString(),
            key = user.AccessKeyId,
            secret = user.SecretAccessKey,
            operation,
            @params = parameters ?? new { },
            presign_get = presignGet,
        });

    [Test]
    public async Task Describe_regions_returns_the_region_and_the_request_id()
    {
        var output = await Call(TestUser.Alice, "describe_regions");

        var result = output.GetProperty("result");
        Assert.That(result.GetProperty("Regions")[0].GetProperty("RegionName").GetString(), Is.EqualTo("cyclades-1"));
        Assert.That(result.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_presigned_get_url_is_accepted()
    {
        var output = await Call(TestUser.Bob, "describe_regions", new { RegionNames = new[] { "cyclades-1" } }, presignGet: true);

        Assert.That(output.GetProperty("status").GetInt32(), Is.EqualTo(200), output.ToString());
        Assert.That(output.GetProperty("body").GetString(), Does.Contain("<regionName>cyclades-1</regionName>"));
    }

    [TestCase("wrong secret", "SignatureDoesNotMatch", 403)]
    [TestCase("unknown key", "AuthFailure", 401)]
    [TestCase("dry run", "DryRunOperation", 412)]
    public async Task Errors_are_parsed_by_botocore(string situation, string code, int status)
    {
        var output = situation switch
        {
            "wrong secret" => await Call(TestUser.Alice.WithWrongSecret(), "describe_regions"),
            "unknown key" => await Call(TestUser.Unknown, "describe_regions"),
            _ => await Call(TestUser.Alice, "describe_regions", new { DryRun = true }),
        };

        var error = output.GetProperty("error");
        Assert.That((error.GetProperty("code").GetString(), error.GetProperty("status").GetInt32()), Is.EqualTo((code, status)), output.ToString());
        Assert.That(error.GetProperty("request_id").GetString(), Is.Not.Empty);
    }
}
