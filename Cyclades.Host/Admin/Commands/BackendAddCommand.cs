using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Ganeti.Configuration;
using Cyclades.Logic.Backends;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage backends add</c>: a cluster defined by the operator rather than by configuration.</summary>
public static class BackendAddCommand
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    public static Command Create(AdminSession session, Column<Backend>[] columns)
    {
        var name = new Argument<string>("name") { Description = "The backend's name (its availability zone)." };
        var url = new Option<string?>("--url") { Description = "The cluster's RAPI, e.g. https://cluster.example.org:5080." };
        var simulated = new Option<bool>("--simulated") { Description = "A simulated cluster inside the service (nothing runs)." };
        var user = new Option<string?>("--user") { Description = "RAPI user." };
        var password = new Option<string?>("--password") { Description = "RAPI password (visible to other local users; prefer --password-stdin)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the RAPI password from standard input." };
        var insecure = new Option<bool>("--insecure-skip-tls-verify") { Description = "Accept any RAPI certificate (throwaway test clusters only)." };
        var fingerprint = new Option<string?>("--certificate-fingerprint") { Description = "SHA-256 of the RAPI certificate to trust (pinned).", HelpName = "sha256" };
        var subnet = new Option<string>("--subnet")
        {
            Description = "IPv4 subnet (CIDR) of the servers' private addresses.",
            DefaultValueFactory = _ => BackendDefinition.DefaultSubnet,
        };
        var noCheck = new Option<bool>("--no-check") { Description = "Add it without first checking that the RAPI answers." };
        var add = new Command("add", "Add a backend. It survives restarts: the configuration sync leaves it alone.")
        {
            name, url, simulated, user, password, passwordStdin, insecure, fingerprint, subnet, noCheck,
        };
        session.Handle(add, async (parse, output, ct) =>
        {
            var cluster = new GanetiClusterOptions
            {
                Name = parse.GetRequiredValue(name),
                Url = parse.GetValue(url),
                Simulated = parse.GetValue(simulated),
                User = parse.GetValue(user),
                Password = parse.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.Trim() : parse.GetValue(password),
                InsecureSkipTlsVerify = parse.GetValue(insecure),
                CertificateFingerprint = parse.GetValue(fingerprint),
                Subnet = parse.GetRequiredValue(subnet),
            };
            if (cluster.Problems("backend") is { Count: > 0 } problems)
            {
                throw new AdminException(string.Join(" ", problems));
            }
            var definition = cluster.ToDefinition();
            if (!parse.GetValue(noCheck))
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(ProbeTimeout);
                var driver = session.Get<IClusterDriverFactory>().Create(definition.Name, definition.ToEndpoint());
                await driver.GetInfoAsync(timeout.Token);
            }
            output.Record(await session.Get<BackendRegistry>().AddAsync(definition, ct), columns);
            return 0;
        });
        return add;
    }
}
