using System.Diagnostics;
using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Errors;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// The real single-node Ganeti test cluster that <c>scripts/ganeti-test-cluster up</c> brings up,
/// described by the <c>CYCLADES_TEST_GANETI_*</c> variables its <c>env</c> command prints. Missing
/// or not answering: the calling test fails in CI and is ignored elsewhere.
/// </summary>
public sealed class GanetiTestCluster
{
    private const string UrlVariable = "CYCLADES_TEST_GANETI_URL";
    private static readonly Lazy<(GanetiTestCluster? Cluster, string? Error)> Shared = new(Connect);

    private GanetiTestCluster(Uri url)
    {
        Url = url;
    }

    public Uri Url { get; }
    public string User { get; } = Variable("USER") ?? "gnt-test";
    public string Password { get; } = Variable("PASSWORD") ?? "gnt-test-pass";

    /// <summary>SHA-256 of the RAPI certificate (regenerated on every <c>up</c>); null: trust any.</summary>
    public string? CertificateSha256 { get; } = Variable("CERT_SHA256");

    public string Node { get; } = Variable("NODE") ?? "node1.ganeti.test";

    /// <summary>The Ganeti network the script made for instance addresses, and its subnet.</summary>
    public string? Network { get; } = Variable("NETWORK");
    public string? Subnet { get; } = Variable("SUBNET");

    private string Script { get; } = Variable("SCRIPT") ?? FindScript();

    public static GanetiTestCluster Instance
    {
        get
        {
            var (cluster, error) = Shared.Value;
            if (cluster is null)
            {
                RequiredService.Unavailable("The Ganeti test cluster", error!);
            }
            return cluster!;
        }
    }

    /// <summary>A unique name in our convention (<c>&lt;prefix&gt;-&lt;numeric id&gt;</c>).</summary>
    public static string NewInstanceName() => $"snf-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";

    public RapiClientSettings Settings(Uri? url = null) => new(url ?? Url)
    {
        User = User,
        Password = Password,
        CertificateFingerprint = CertificateSha256,
        InsecureSkipTlsVerify = CertificateSha256 is null,
    };

    public GanetiRapiClient CreateClient() => new(Settings());

    public GanetiClusterDriver CreateDriver(InstanceCreationDefaults defaults) => new("ganeti-test", CreateClient(), defaults);

    /// <summary>Removes what a test host left on the cluster: every instance named <c>&lt;prefix&gt;-…</c>.</summary>
    public async Task RemoveInstancesAsync(string prefix)
    {
        using var client = CreateClient();
        foreach (var instance in (await client.Instances.ListNamesAsync()).Where(n => n.StartsWith(prefix + "-", StringComparison.Ordinal)))
        {
            try
            {
                await client.Jobs.WaitUntilFinishedAsync(await client.Instances.DeleteAsync(instance));
            }
            catch (GanetiException e)
            {
                await TestContext.Progress.WriteLineAsync($"cleanup of {instance}: {e.Message}");
            }
        }
    }

    /// <summary>Runs a command on the node, as an administrator would (e.g. <c>gnt-instance shutdown --submit X</c>); returns its output.</summary>
    public async Task<string> OnNodeAsync(params string[] command)
    {
        var start = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} on the node failed ({process.ExitCode}): {await errors}");
        }
        return await output;
    }

    private static (GanetiTestCluster?, string?) Connect()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, $"{UrlVariable} is not set (scripts/ganeti-test-cluster up; source <(scripts/ganeti-test-cluster env))");
        }
        var cluster = new GanetiTestCluster(new Uri(url));
        try
        {
            using var client = cluster.CreateClient();
            client.Cluster.GetVersionAsync().WaitAsync(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult();
            return (cluster, null);
        }
        catch (Exception e)
        {
            return (null, $"{UrlVariable}={url} does not answer: {e.Message}");
        }
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable($"CYCLADES_TEST_GANETI_{name}") is { Length: > 0 } value ? value : null;

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "scripts", "ganeti-test-cluster");
            if (File.Exists(script))
            {
                return script;
            }
        }
        return "scripts/ganeti-test-cluster";
    }
}
