using System.Diagnostics;
using Cyclades.Ganeti.Driver;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;

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

    /// <summary>The Ganeti network the script made for instance addresses, and its subnet (both required: a test that
    /// checks addresses must not pass vacuously without them).</summary>
    public string Network => Required("NETWORK");
    public string Subnet => Required("SUBNET");

    /// <summary>The first three octets of <see cref="Subnet"/> with the dot ("203.0.113.").</summary>
    public string SubnetPrefix => Subnet[..(Subnet.LastIndexOf('.') + 1)];

    /// <summary>The pinned RAPI certificate's SHA-256, required by a test of the pinning itself.</summary>
    public string RequiredCertificateSha256 => Required("CERT_SHA256");

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

    /// <summary>Slices of <see cref="Subnet"/> handed to test hosts in turn (a /24 makes eight /27s), from a random start.</summary>
    private const int SliceBits = 3;
    private static int _nextSlice = Random.Shared.Next(1 << SliceBits);

    /// <summary>
    /// The host's configuration of this cluster as backend <paramref name="name"/> (<c>Cyclades:Ganeti:Clusters:index</c>):
    /// its address (or <paramref name="url"/>), credentials and certificate; with the script's network and a slice of its
    /// subnet, or, given <paramref name="subnet"/>, that subnet and no Ganeti network.
    /// </summary>
    /// <remarks>
    /// Every test host is a cloud of its own (its own database) on the one Ganeti network, and each hands out addresses
    /// from the start of its subnet; Ganeti refuses an address another instance holds. So each host gets the next slice of
    /// the network's range, as an operator would give two deployments sharing a Ganeti network disjoint ranges: an instance
    /// a previous test (or another process) still has cannot take the address a new host hands out first.
    /// </remarks>
    public Dictionary<string, string?> HostSettings(int index, string name, Uri? url = null, string? subnet = null)
    {
        var key = $"Cyclades:Ganeti:Clusters:{index}";
        var settings = new Dictionary<string, string?>
        {
            [$"{key}:Name"] = name,
            [$"{key}:Url"] = (url ?? Url).ToString(),
            [$"{key}:User"] = User,
            [$"{key}:Password"] = Password,
            [$"{key}:Hypervisor"] = "fake",
            [$"{key}:Subnet"] = subnet ?? NextSlice(),
            [$"{key}:CertificateFingerprint"] = CertificateSha256,
            [$"{key}:InsecureSkipTlsVerify"] = CertificateSha256 is null ? "true" : "false",
        };
        // The RAPI cannot remove exports: gnt-backup remove on the node, as an operator's ssh command would run it.
        string[] removeExport = [Script, "exec", "gnt-backup", "remove", "{instance}"];
        for (var i = 0; i < removeExport.Length; i++)
        {
            settings[$"{key}:ExportRemoveCommand:{i}"] = removeExport[i];
        }
        if (subnet is null)
        {
            settings[$"{key}:Network"] = Network;
        }
        return settings;
    }

    private string NextSlice()
    {
        var slice = Interlocked.Increment(ref _nextSlice) % (1 << SliceBits);
        var whole = System.Net.IPNetwork.Parse(Subnet);
        var length = whole.PrefixLength + SliceBits;
        var size = 1u << (32 - length);
        var start = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(whole.BaseAddress.GetAddressBytes()) + (uint)slice * size;
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, start);
        return $"{new System.Net.IPAddress(bytes)}/{length}";
    }

    public GanetiClusterDriver CreateDriver(InstanceCreationDefaults defaults) => new("ganeti-test", CreateClient(), defaults);

    /// <summary>Removes these instances, each waited for; what cannot be removed (e.g. already gone) is reported, not thrown.</summary>
    public async Task RemoveInstancesAsync(IEnumerable<string> names)
    {
        using var client = CreateClient();
        foreach (var name in names)
        {
            try
            {
                await client.Jobs.WaitUntilFinishedAsync(await client.Instances.DeleteAsync(name));
            }
            catch (GanetiException e)
            {
                await TestContext.Progress.WriteLineAsync($"cleanup of {name}: {e.Message}");
            }
        }
    }

    /// <summary>Removes every instance named <c>&lt;prefix&gt;-…</c> (what a test's host or harness left behind).</summary>
    public async Task RemoveInstancesWithPrefixAsync(string prefix)
    {
        using var client = CreateClient();
        var names = (await client.Instances.ListNamesAsync()).Where(name => name.StartsWith(prefix + "-", StringComparison.Ordinal)).ToList();
        await RemoveInstancesAsync(names);
    }

    /// <summary>A small diskless instance made behind the service's back (an orphan to the service); returns when it runs.</summary>
    public async Task CreateBareInstanceAsync(string name)
    {
        using var client = CreateClient();
        var job = await client.Jobs.WaitUntilFinishedAsync(await client.Instances.CreateAsync(new InstanceCreateRequest
        {
            Name = name,
            DiskTemplate = "diskless",
            OsType = "noop+default",
            Hypervisor = "fake",
            BeParams = new GanetiBeParams { VCpus = 1, MinMemoryMiB = 128, MaxMemoryMiB = 128 },
            NameCheck = false,
            IpCheck = false,
        }));
        Assert.That(job?.Status, Is.EqualTo(GanetiJobStatuses.Success), $"creating {name} on the test cluster");
    }

    /// <summary>The cluster's (non-archived) jobs with an opcode <paramref name="opId"/> on <paramref name="instance"/>.</summary>
    public async Task<IReadOnlyList<GanetiJob>> JobsOnAsync(string instance, string opId)
    {
        using var client = CreateClient();
        return (await client.Jobs.ListAsync())
            .Where(job => job.Ops?.Any(op => op.OpId == opId && op.InstanceName == instance) == true)
            .ToList();
    }

    /// <summary>The instance's tags as <c>gnt-instance list-tags</c> prints them on the node (which fails while there is no such instance).</summary>
    public async Task<IReadOnlyList<string>> TagsOnNodeAsync(string instanceName) =>
        (await OnNodeAsync("gnt-instance", "list-tags", instanceName))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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

    private static string Required(string name) =>
        RequiredService.Setting("The Ganeti test cluster", Variable(name), $"CYCLADES_TEST_GANETI_{name} is not set (source <(scripts/ganeti-test-cluster env))");

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
