using System.Security.Cryptography;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Cyclades.Tests.Admin.Support;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Operations;

/// <summary>
/// The service's JSON log lines, at the most verbose level, over a scenario: the EC2 request id,
/// user and action and the Ganeti job id are on the lines that concern them; no secret is anywhere.
/// </summary>
[Category("Contract")]
public sealed class StructuredLogTests
{
    private const string RapiPassword = "rapi-password-never-logged-7f3a";
    private const string BootstrapSecret = "bootstrap-secret-never-logged-91c2e";

    [Test]
    public async Task A_scenario_logs_request_user_action_and_job_ids_and_no_secret()
    {
        var work = Directory.CreateTempSubdirectory("cyclades-logs-").FullName;
        var secretsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var settings = new Dictionary<string, string?>
        {
            ["Cyclades:DataDirectory"] = Path.Combine(work, "data"),
            ["Cyclades:Secrets:Key"] = secretsKey,
            ["Cyclades:Bootstrap:Users:0:Name"] = "ops",
            ["Cyclades:Bootstrap:Users:0:AccessKeyId"] = "AKIDOPS0000000000001",
            ["Cyclades:Bootstrap:Users:0:SecretAccessKey"] = BootstrapSecret,
            ["Cyclades:Ganeti:Clusters:0:Name"] = "zone-l",
            ["Cyclades:Ganeti:Clusters:0:Simulated"] = "true",
            ["Cyclades:Ganeti:Clusters:0:User"] = "rapi",
            ["Cyclades:Ganeti:Clusters:0:Password"] = RapiPassword,
            ["Cyclades:Ganeti:Simulator:JobLatencyMs"] = "50",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        var cli = new AdminCli(settings, work);
        string output;
        TestUser hank;
        using (var service = new ServiceProcess(work, settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value)))
        {
            var endpoint = new Uri(await service.WaitUntilListeningAsync() + "/");
            await cli.SucceedsAsync("users", "add", "hank");
            var key = await cli.JsonAsync("keys", "create", "hank");
            hank = new TestUser("hank", key.GetProperty("accessKeyId").GetString()!, key.GetProperty("secretAccessKey").GetString()!);

            var run = await AwsCli.V2.RunAsync(endpoint, hank, "ec2", "run-instances", "--image-id", "ami-00000001", "--instance-type", "t2.micro");
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            var instanceId = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("Instances")[0].GetProperty("InstanceId").GetString();
            using var ec2 = new AmazonEC2Client(new BasicAWSCredentials(hank.AccessKeyId, hank.SecretAccessKey),
                new AmazonEC2Config { ServiceURL = endpoint.ToString(), MaxErrorRetry = 0 });
            await Eventually.HoldsAsync(async () =>
                (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] })).Reservations[0].Instances[0].State.Name == InstanceStateName.Running,
                "the instance to run");
            var wrong = await AwsCli.V2.RunAsync(endpoint, hank.WithWrongSecret(), "ec2", "describe-regions");
            Assert.That(wrong.Stderr, Does.Contain("(SignatureDoesNotMatch)"));
            output = service.Stop();
        }
        Directory.Delete(work, recursive: true);

        Assert.That(output, Does.Not.Contain(hank.SecretAccessKey).And.Not.Contain(BootstrapSecret).And.Not.Contain(RapiPassword).And.Not.Contain(secretsKey));
        var lines = output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var answered = lines.Single(l => Message(l).StartsWith("EC2 request answered 200", StringComparison.Ordinal) && Scope(l, "Action") == "RunInstances");
        Assert.That((Scope(answered, "User"), Scope(answered, "AccessKeyId")), Is.EqualTo(("hank", hank.AccessKeyId)));
        var submitted = lines.Single(l => Message(l).StartsWith("Submitted Ganeti job", StringComparison.Ordinal));
        Assert.That((Scope(submitted, "RequestId"), Scope(submitted, "User"), Scope(submitted, "Action")),
            Is.EqualTo((Scope(answered, "RequestId"), "hank", "RunInstances")), "the job is logged inside its request");
        var jobId = submitted.GetProperty("State").GetProperty("JobId").GetRawText();
        Assert.That(lines.Where(l => l.GetProperty("State").TryGetProperty("JobId", out var id) && id.GetRawText() == jobId).Select(Message),
            Has.Some.Contains("ended Success"), "the dispatcher's line about the job's end carries its id");
    }

    private static string Message(JsonElement line) => line.GetProperty("Message").GetString() ?? "";

    private static string? Scope(JsonElement line, string name) =>
        line.GetProperty("Scopes").EnumerateArray()
            .Select(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var value) ? value.ToString() : null)
            .LastOrDefault(v => v is not null);
}
