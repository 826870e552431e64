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

    [Test]
    public async Task Termination_protection_and_the_fields_terraform_sends_work_through_boto3()
    {
        var run = await Call(TestUser.Alice, "run_instances", new
        {
            ImageId = "ami-00000001", InstanceType = "t2.micro", MinCount = 1, MaxCount = 1,
            DisableApiTermination = true, DisableApiStop = false, EbsOptimized = false,
            HibernationOptions = new { Configured = false }, Monitoring = new { Enabled = false },
            Placement = new { AvailabilityZone = "" }, MetadataOptions = new { HttpTokens = "required", HttpPutResponseHopLimit = 1 },
        });
        var id = run.GetProperty("result").GetProperty("Instances")[0].GetProperty("InstanceId").GetString()!;

        var refused = (await Call(TestUser.Alice, "terminate_instances", new { InstanceIds = new[] { id } })).GetProperty("error");
        var protection = await Call(TestUser.Alice, "describe_instance_attribute", new { InstanceId = id, Attribute = "disableApiTermination" });
        var described = await Call(TestUser.Alice, "describe_instances", new { InstanceIds = new[] { id } });
        await Call(TestUser.Alice, "modify_instance_attribute", new { InstanceId = id, DisableApiTermination = new { Value = false } });
        var terminated = await Call(TestUser.Alice, "terminate_instances", new { InstanceIds = new[] { id } });

        Assert.That((refused.GetProperty("code").GetString(), refused.GetProperty("status").GetInt32()), Is.EqualTo(("OperationNotPermitted", 400)));
        Assert.That(protection.GetProperty("result").GetProperty("DisableApiTermination").GetProperty("Value").GetBoolean(), Is.True);
        var instance = described.GetProperty("result").GetProperty("Reservations")[0].GetProperty("Instances")[0];
        Assert.That(instance.GetProperty("MetadataOptions").GetProperty("HttpTokens").GetString(), Is.EqualTo("required"));
        Assert.That(instance.GetProperty("HibernationOptions").GetProperty("Configured").GetBoolean(), Is.False);
        Assert.That(terminated.GetProperty("result").GetProperty("TerminatingInstances")[0].GetProperty("InstanceId").GetString(), Is.EqualTo(id), terminated.ToString());
    }

    [TestCase("HibernationOptions", "UnsupportedHibernationConfiguration")]
    [TestCase("Monitoring", "UnsupportedOperation")]
    public async Task Refused_launch_fields_are_parsed_by_botocore(string field, string code)
    {
        object parameters = field switch
        {
            "HibernationOptions" => new { ImageId = "ami-00000001", MinCount = 1, MaxCount = 1, HibernationOptions = new { Configured = true } },
            _ => new { ImageId = "ami-00000001", MinCount = 1, MaxCount = 1, Monitoring = new { Enabled = true } },
        };
        var error = (await Call(TestUser.Alice, "run_instances", parameters)).GetProperty("error");

        Assert.That((error.GetProperty("code").GetString(), error.GetProperty("status").GetInt32()), Is.EqualTo((code, 400)));
    }
}
