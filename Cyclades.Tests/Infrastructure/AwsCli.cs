namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The two AWS CLIs real users run: v2 (<c>/usr/bin/aws</c>, Debian package awscli) and v1 (the default
/// python3's <c>python3 -m awscli</c>), run against the host with a clean environment (no profile, no
/// retries, no pager).
/// </summary>
public sealed class AwsCli
{
    private readonly Func<(string File, string[] Prefix)> _command;

    private AwsCli(string name, Func<(string, string[])> command)
    {
        Name = name;
        _command = command;
    }

    public string Name { get; }

    public static AwsCli V2 { get; } = new("aws-cli-v2", () =>
    {
        const string path = "/usr/bin/aws";
        if (!File.Exists(path))
        {
            RequiredService.Unavailable("AWS CLI v2", $"{path} is missing (Debian package awscli)");
        }
        return (path, []);
    });

    public static AwsCli V1 { get; } = new("aws-cli-v1", () => (Python.Executable, ["-m", "awscli"]));

    public static IEnumerable<AwsCli> Both => [V2, V1];

    public async Task<ProcessResult> RunAsync(Uri endpoint, TestUser user, params string[] arguments)
    {
        var (file, prefix) = _command();
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = user.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = user.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_MAX_ATTEMPTS"] = "1",
            ["AWS_PAGER"] = "",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        return await ExternalProcess.RunAsync(file, [.. prefix, "--endpoint-url", endpoint.ToString(), "--output", "json", .. arguments], environment);
    }

    public override string ToString() => Name;
}
