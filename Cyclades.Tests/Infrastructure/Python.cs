using System.Text.Json;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The machine's default <c>python3</c> with botocore/boto3/awscli (AWS CLI v1). Missing in CI fails
/// the test; elsewhere it is ignored (<see cref="RequiredService"/>).
/// </summary>
public static class Python
{
    private static readonly Lazy<string?> Problem = new(() =>
    {
        var python = ExternalProcess.Which("python3");
        if (python is null)
        {
            return "python3 is not on PATH";
        }
        var check = ExternalProcess.RunAsync(python, ["-c", "import boto3, botocore, awscli"]).GetAwaiter().GetResult();
        return check.ExitCode == 0 ? null : $"python3 lacks boto3/botocore/awscli: {check.Stderr.Trim()}";
    });

    public static string Executable
    {
        get
        {
            if (Problem.Value is { } problem)
            {
                RequiredService.Unavailable("python3 with boto3 and awscli", problem);
            }
            return ExternalProcess.Which("python3")!;
        }
    }

    /// <summary>Runs one of the scripts in <c>Contract/Python/</c> with a JSON document on stdin and parses its JSON output.</summary>
    public static async Task<JsonElement> RunScriptAsync(string script, object input)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Contract", "Python", script);
        var result = await ExternalProcess.RunAsync(Executable, [path], stdin: JsonSerializer.Serialize(input));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>Where botocore keeps the EC2 service model (service-2.json.gz).</summary>
    public static async Task<string> Ec2ServiceModelPathAsync()
    {
        var result = await ExternalProcess.RunAsync(Executable,
            ["-c", "import botocore.loaders as l, os; print(os.path.join(os.path.dirname(l.__file__), 'data', 'ec2', '2016-11-15'))"]);
        var directory = result.Stdout.Trim();
        return new[] { "service-2.json.gz", "service-2.json" }.Select(f => Path.Combine(directory, f)).First(File.Exists);
    }
}
