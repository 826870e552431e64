using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

/// <summary>
/// The built service as an operator runs it (<c>dotnet Cyclades.Host.dll</c>, what
/// <c>dotnet run --project Cyclades.Host</c> starts): the embedded default with a demo user, and
/// one-line configuration errors.
/// </summary>
[Category("Contract")]
public sealed partial class EmbeddedDefaultTests
{
    private string _workDirectory = null!;

    [SetUp]
    public void SetUp() => _workDirectory = Directory.CreateTempSubdirectory("cyclades-run-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_workDirectory, recursive: true);

    [TestCase("--Cyclades:Database:Provider=Postgres", "'Cyclades:Database:Provider'")]
    [TestCase("--Cyclades:Database:Provider=MySql", "Cyclades:Database:ConnectionString is required")]
    [TestCase("--Cyclades:Ec2:Region=Not A Region", "Cyclades:Ec2:Region must be")]
    [TestCase("--Cyclades:Ec2:MaxRequestBodyBytes=lots", "'Cyclades:Ec2:MaxRequestBodyBytes'")]
    [TestCase("--Cyclades:Ec2:MaxConcurrentReads=0", "Cyclades:Ec2:MaxConcurrentReads must be at least 1")]
    [TestCase("--Cyclades:Health:CacheSeconds=-1", "Cyclades:Health:CacheSeconds must be from 0 to 60")]
    [TestCase("--Cyclades:Secrets:Key=c2hvcnQ=", "Cyclades:Secrets:Key must be base64 of exactly 32 bytes")]
    [TestCase("--Cyclades:Bootstrap:Users:0:Name=ci", "Cyclades:Bootstrap:Users:0:AccessKeyId must be")]
    [TestCase("--Cyclades:Database:Provider=MySql --Cyclades:Database:ConnectionString=Server=127.0.0.1;Port=1", "Cyclades:Secrets:Key is required when Cyclades:Database:Provider is MySql")]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_it(string settings, string expected)
    {
        var result = await ExternalProcess.RunAsync("dotnet", [ServiceProcess.Dll, .. settings.Split(' '), "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["Cyclades__DataDirectory"] = Path.Combine(_workDirectory, "data") });

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.StartWith("cyclades-ec2: configuration error: ").And.Contain(expected));
        Assert.That(result.Stdout + result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task A_secrets_key_file_others_can_read_stops_start_up_with_one_line_naming_it()
    {
        var data = Directory.CreateDirectory(Path.Combine(_workDirectory, "data")).FullName;
        var key = Path.Combine(data, "secrets.key");
        await File.WriteAllTextAsync(key, Convert.ToBase64String(new byte[32]));
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await ExternalProcess.RunAsync("dotnet", [ServiceProcess.Dll, "--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["Cyclades__DataDirectory"] = data });

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.StartWith("cyclades-ec2: configuration error: ").And.Contain(key).And.Contain("0644"));
    }

    [Test]
    public async Task An_empty_data_directory_gets_a_demo_key_once_and_it_works()
    {
        string endpoint, keyId, secret;
        using (var first = Start())
        {
            endpoint = await first.WaitUntilListeningAsync();
            keyId = await first.WaitForAsync(KeyIdPattern());
            secret = await first.WaitForAsync(SecretPattern());
            using var client = new AmazonEC2Client(new BasicAWSCredentials(keyId, secret), new AmazonEC2Config { ServiceURL = endpoint, MaxErrorRetry = 0 });
            Assert.That((await client.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions.Single().RegionName, Is.EqualTo("cyclades-1"));
        }

        using (var second = Start())
        {
            var secondEndpoint = await second.WaitUntilListeningAsync();
            using var again = new AmazonEC2Client(new BasicAWSCredentials(keyId, secret), new AmazonEC2Config { ServiceURL = secondEndpoint, MaxErrorRetry = 0 });
            Assert.That((await again.DescribeRegionsAsync(new DescribeRegionsRequest())).Regions, Has.Count.EqualTo(1), "the key and its encrypted secret persist");
            Assert.That(second.Output, Does.Not.Contain("AWS_SECRET_ACCESS_KEY"), "the demo key is printed only once");
        }
        Assert.That(File.Exists(Path.Combine(_workDirectory, "data", "secrets.key")), Is.True);
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(_workDirectory, "data")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(File.GetUnixFileMode(Path.Combine(_workDirectory, "data", "cyclades.db")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
        StoredSecrets.AssertNotInPlainText(Path.Combine(_workDirectory, "data", "cyclades.db"), keyId, secret);
    }

    private ServiceProcess Start() => new(_workDirectory);

    [GeneratedRegex(@"AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16})")]
    private static partial Regex KeyIdPattern();

    [GeneratedRegex(@"AWS_SECRET_ACCESS_KEY=(\S{40})")]
    private static partial Regex SecretPattern();
}
