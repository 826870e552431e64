using System.CommandLine;
using Cyclades.Host.Admin.Commands;

namespace Cyclades.Host.Admin;

/// <summary>
/// The operator's command line, a verb of the service's own executable:
/// <c>Cyclades.Host manage &lt;group&gt; &lt;command&gt; …</c> (<c>dotnet run --project Cyclades.Host -- manage …</c>).
/// Arguments of the form <c>--Section:Key=value</c> are configuration, exactly as for the service.
/// </summary>
public static class AdminCommandLine
{
    public const string Verb = "manage";
    public const string Name = "cyclades-ec2 manage";

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = args.Where(IsConfigurationArgument).ToList();
        await using var session = new AdminSession(configuration, Console.Out, Console.Error);
        var root = new RootCommand("Cyclades EC2, an EC2-compatible API in front of Ganeti clusters.") { Manage(session) };
        var parse = root.Parse(args.Where(a => !IsConfigurationArgument(a)).ToList());
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"{Name}: {AdminErrors.OneLine(string.Join(" ", parse.Errors.Select(e => e.Message)))} See '{CommandPath(parse)} --help'.");
            return 2;
        }
        return await parse.InvokeAsync();
    }

    private static Command Manage(AdminSession session) =>
        new(Verb, "Administer the service: users and keys, quotas, the catalog, backends, servers, the database.")
        {
            AdminSession.JsonOption,
            AdminSession.VerboseOption,
            UsersCommand.Create(session),
            KeysCommand.Create(session),
            QuotasCommand.Create(session),
            FlavorsCommand.Create(session),
            ImagesCommand.Create(session),
            BackendsCommand.Create(session),
            ServersCommand.Create(session),
            MigrateCommand.Create(session),
            ReconcileCommand.Create(session),
        };

    /// <summary>e.g. <c>manage users add</c>.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = (System.CommandLine.Parsing.SymbolResult?)parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is System.CommandLine.Parsing.CommandResult command)
            {
                names.Add(command.Command.Name);
            }
        }
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary><c>--Cyclades:Database:Provider=MySql</c>: a setting, as the service takes it.</summary>
    private static bool IsConfigurationArgument(string argument) =>
        argument.StartsWith("--", StringComparison.Ordinal) && argument.IndexOf(':') is > 2 and var colon
        && argument.IndexOf('=') is var equals && equals > colon;
}
