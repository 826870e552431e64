using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Ansible;

/// <summary>
/// Debian's <c>ansible-playbook</c> (ansible 7.7: ansible-core 2.14, amazon.aws 5.5.1; the modules on a python3 with boto3)
/// on a playbook of <c>TestData/ansible/</c>, pointed at the host for one user: the credentials in
/// <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>, the endpoint and region as variables the playbooks pass to every
/// amazon.aws module (<c>module_defaults</c> of <c>group/amazon.aws.aws</c>: <c>endpoint_url</c>, <c>region</c>), results
/// through the <c>ansible.posix.json</c> stdout callback (one entry per task with its <c>changed</c>/<c>failed</c>/<c>skipped</c>).
/// Missing in CI fails the test; elsewhere it is ignored (<see cref="RequiredService"/>).
/// </summary>
public sealed class AnsiblePlaybook : IDisposable
{
    public const string Region = "us-east-1";

    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(20);

    /// <summary>
    /// The python the modules run on: Debian's /usr/bin/python3 when it has boto3 (python3-boto3, as scripts/test installs),
    /// else the python3 on PATH that the boto3 contract tests use; ansible ships the modules' own code to either.
    /// </summary>
    private static readonly Lazy<string?> ModulePython = new(() =>
        new[] { "/usr/bin/python3", ExternalProcess.Which("python3") }.OfType<string>().Distinct()
            .FirstOrDefault(python => File.Exists(python) && ExternalProcess.RunAsync(python, ["-c", "import boto3, botocore"]).GetAwaiter().GetResult().ExitCode == 0));

    private static readonly Lazy<string?> Problem = new(() =>
    {
        if (ExternalProcess.Which("ansible-playbook") is null)
        {
            return "ansible-playbook is not on PATH (Debian: apt-get install ansible python3-boto3)";
        }
        var collection = ExternalProcess.RunAsync("ansible-galaxy", ["collection", "list", "amazon.aws"]).GetAwaiter().GetResult();
        if (collection.ExitCode != 0 || !collection.Stdout.Contains("amazon.aws", StringComparison.Ordinal))
        {
            return $"the amazon.aws collection is not installed: {collection}";
        }
        return ModulePython.Value is null ? "no python3 with boto3 for the modules (Debian: apt-get install python3-boto3)" : null;
    });

    private readonly Ec2ApiHost _host;
    private readonly TestUser _user;
    private readonly string _directory;

    public AnsiblePlaybook(Ec2ApiHost host, TestUser user)
    {
        if (Problem.Value is { } problem)
        {
            RequiredService.Unavailable("Debian's ansible (ansible-playbook with amazon.aws and boto3)", problem);
        }
        _host = host;
        _user = user;
        _directory = System.IO.Directory.CreateTempSubdirectory("cyclades-ansible-").FullName;
    }

    /// <summary>A scratch directory for files the playbook reads (removed with this object).</summary>
    public string Directory => _directory;

    /// <summary>Runs <c>TestData/ansible/<paramref name="playbook"/></c> with <paramref name="variables"/> as extra vars.</summary>
    public async Task<PlaybookRun> RunAsync(string playbook, IReadOnlyDictionary<string, object> variables)
    {
        var all = new Dictionary<string, object>(variables)
        {
            ["ec2_endpoint"] = _host.Endpoint.ToString(),
            ["ec2_region"] = Region,
        };
        var varsFile = Path.Combine(_directory, "vars.json");
        await File.WriteAllTextAsync(varsFile, JsonSerializer.Serialize(all));
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ansible", playbook);
        var result = await ExternalProcess.RunAsync("ansible-playbook", ["-i", "localhost,", "-e", "@" + varsFile, path],
            Environment(), workingDirectory: _directory, timeLimit: TimeLimit);
        TestContext.Progress.WriteLine($"ansible-playbook {playbook} {JsonSerializer.Serialize(variables)}: exit {result.ExitCode}");
        return PlaybookRun.Parse(playbook, result);
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = _user.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = _user.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_URL"] = null,
        ["EC2_URL"] = null,
        ["AWS_CONFIG_FILE"] = Path.Combine(_directory, "no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory, "no-aws-credentials"),
        ["ANSIBLE_STDOUT_CALLBACK"] = "ansible.posix.json",
        ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(_directory, "tmp"),
        ["ANSIBLE_REMOTE_TEMP"] = Path.Combine(_directory, "tmp"),
        ["ANSIBLE_PYTHON_INTERPRETER"] = ModulePython.Value,
        ["ANSIBLE_RETRY_FILES_ENABLED"] = "false",
        ["ANSIBLE_NOCOLOR"] = "true",
        ["ANSIBLE_CONFIG"] = null,
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // under the temp directory
        }
    }
}

/// <summary>One task's outcome on localhost as the json callback reports it (<see cref="Result"/>: the module's return).</summary>
public sealed record TaskOutcome(string Name, bool Changed, bool Failed, bool Skipped, JsonElement Result)
{
    /// <summary>What a failure says: the module's msg and, for an AWS error, its code and message.</summary>
    public string Explanation()
    {
        var parts = new List<string> { Name };
        foreach (var result in Result.TryGetProperty("results", out var loop) ? loop.EnumerateArray().ToArray() : [Result])
        {
            if (result.TryGetProperty("msg", out var msg))
            {
                parts.Add(msg.ToString());
            }
            if (result.TryGetProperty("module_stderr", out var stderr) && stderr.GetString() is { Length: > 0 } text)
            {
                parts.Add(text.Length > 2000 ? text[^2000..] : text);
            }
            if (result.TryGetProperty("assertion", out var assertion))
            {
                parts.Add(assertion.ToString());
            }
            if (result.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                parts.Add(error.ToString());
            }
        }
        return string.Join(": ", parts);
    }

    /// <summary>
    /// The warnings a task printed: amazon.aws modules only warn when a waiter gives up (e.g. ec2_instance's
    /// instance_running on a launch that failed), so a later assertion's failure is explained by them.
    /// </summary>
    public IEnumerable<string> Warnings() =>
        Result.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
            ? warnings.EnumerateArray().Select(w => $"{Name}: warning: {w}")
            : [];
}

/// <summary>One <c>ansible-playbook</c> run: its tasks in order and the process's output (for failure messages).</summary>
public sealed class PlaybookRun
{
    private PlaybookRun(string playbook, ProcessResult process, IReadOnlyList<TaskOutcome> tasks)
    {
        Playbook = playbook;
        Process = process;
        Tasks = tasks;
    }

    public string Playbook { get; }

    public ProcessResult Process { get; }

    public IReadOnlyList<TaskOutcome> Tasks { get; }

    public IEnumerable<TaskOutcome> Ran => Tasks.Where(t => !t.Skipped);

    public static PlaybookRun Parse(string playbook, ProcessResult process)
    {
        var start = process.Stdout.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            Assert.Fail($"ansible-playbook {playbook} printed no JSON report\n{process}");
        }
        using var report = JsonDocument.Parse(process.Stdout[start..]);
        var tasks = report.RootElement.GetProperty("plays").EnumerateArray()
            .SelectMany(play => play.GetProperty("tasks").EnumerateArray())
            .Select(task => (Name: task.GetProperty("task").GetProperty("name").GetString()!,
                Host: task.GetProperty("hosts").TryGetProperty("localhost", out var host) ? host.Clone() : default))
            .Where(task => task.Host.ValueKind == JsonValueKind.Object)
            .Select(task => new TaskOutcome(task.Name, Flag(task.Host, "changed"), Flag(task.Host, "failed"), Flag(task.Host, "skipped"), task.Host))
            .ToList();
        return new PlaybookRun(playbook, process, tasks);
    }

    /// <summary>The playbook finished and no task failed (the first failures, with AWS's error, are the message).</summary>
    public PlaybookRun AssertSucceeded(string what)
    {
        var failed = Tasks.Where(t => t.Failed).Select(t => t.Explanation())
            .Concat(Tasks.Any(t => t.Failed) ? Tasks.SelectMany(t => t.Warnings()) : []).ToList();
        Assert.That(failed, Is.Empty, $"{Playbook} ({what}): failed tasks");
        Assert.That(Process.ExitCode, Is.Zero, $"{Playbook} ({what})\n{Process.Stderr}");
        return this;
    }

    /// <summary>Names of the tasks that ran and reported a change.</summary>
    public IReadOnlyList<string> ChangedTasks => Ran.Where(t => t.Changed).Select(t => t.Name).ToList();

    /// <summary>The module's return value of the named task (which must have run).</summary>
    public JsonElement Result(string task)
    {
        var found = Ran.Where(t => t.Name == task).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"{Playbook}: task '{task}' ran once; ran: {string.Join(", ", Ran.Select(t => t.Name))}");
        return found[0].Result;
    }

    private static bool Flag(JsonElement host, string name) =>
        host.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
