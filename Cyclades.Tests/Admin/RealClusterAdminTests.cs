using Cyclades.Logic.Persistence;
using Cyclades.Tests.Admin.Support;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Admin;

/// <summary>The admin command line against the real Ganeti test cluster: a backend added by URL, its capacity, a dry-run reconciliation.</summary>
[Category("Integration")]
public sealed class RealClusterAdminTests
{
    [Test]
    public async Task A_real_cluster_added_here_reports_its_capacity_and_can_be_reconciled()
    {
        var cluster = GanetiTestCluster.Instance;
        await using var environment = await AdminEnvironment.CreateAsync(DatabaseProvider.Sqlite);
        var prefix = "ad" + Guid.NewGuid().ToString("N")[..8];
        var cli = new AdminCli(new Dictionary<string, string?>(environment.Settings) { ["Cyclades:Servers:InstanceNamePrefix"] = prefix }, environment.Directory);
        await cli.SucceedsAsync("migrate");
        string[] tls = cluster.CertificateSha256 is { } sha256 ? ["--certificate-fingerprint", sha256] : ["--insecure-skip-tls-verify"];
        var orphan = $"{prefix}-987654321";
        await cluster.CreateBareInstanceAsync(orphan);
        try
        {
            var added = await cli.RunWithInputAsync(cluster.Password + "\n",
                ["backends", "add", "ganeti-test", "--url", cluster.Url.ToString(), "--user", cluster.User, "--password-stdin", .. tls,
                 "--subnet", cluster.Subnet]);
            Assert.That(added.ExitCode, Is.Zero, added.ToString());

            var capacity = (await cli.JsonAsync("backends", "capacity", "ganeti-test")).EnumerateArray().Single();
            Assert.That(capacity.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(capacity.GetProperty("nodes").GetInt32(), Is.GreaterThanOrEqualTo(1));
            Assert.That(capacity.GetProperty("freeMemoryMib").GetInt64(), Is.Positive);
            Assert.That(capacity.GetProperty("version").GetString(), Does.StartWith("3."));

            var reconcile = await cli.RunAsync("reconcile", "servers", "--backend", "ganeti-test");
            Assert.That(reconcile.ExitCode, Is.Zero, reconcile.ToString());
            var lines = reconcile.Stdout.Trim().Split('\n');
            Assert.That(lines[0], Does.StartWith("BACKEND"));
            Assert.That(lines.Where(line => line.Contains(orphan, StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1)
                .And.One.Contains("ganeti-test").And.One.Contains("orphaninstance"), reconcile.Stdout);

            using var client = cluster.CreateClient();
            Assert.That(await client.Instances.ListNamesAsync(), Does.Contain(orphan), "a dry run removes nothing");
        }
        finally
        {
            await cluster.RemoveInstancesAsync([orphan]);
        }
    }
}
