using System.CommandLine;
using Cyclades.Host.Admin.Output;

namespace Cyclades.Host.Admin.Commands;

/// <summary>The shapes several admin commands share.</summary>
public static class CommandShapes
{
    /// <summary>A command on one thing named by its argument, which prints that thing afterwards (disable a user, drain a backend).</summary>
    public static Command OnOne<T>(
        AdminSession session, string verb, string description, string argumentDescription,
        Func<string, CancellationToken, Task<T>> act, Column<T>[] columns, string argumentName = "name")
    {
        var name = new Argument<string>(argumentName) { Description = argumentDescription };
        var command = new Command(verb, description) { name };
        session.Handle(command, async (parse, output, ct) =>
        {
            output.Record(await act(parse.GetRequiredValue(name), ct), columns);
            return 0;
        });
        return command;
    }

    /// <summary><c>list [--all]</c>: what is on offer, and with <c>--all</c> also what no longer is.</summary>
    public static Command ListWithAll<T>(
        AdminSession session, string description, string allDescription,
        Func<bool, CancellationToken, Task<IReadOnlyList<T>>> list, Column<T>[] columns)
    {
        var all = new Option<bool>("--all") { Description = allDescription };
        var command = new Command("list", description) { all };
        session.Handle(command, async (parse, output, ct) =>
        {
            output.Table(await list(parse.GetValue(all), ct), columns);
            return 0;
        });
        return command;
    }
}
