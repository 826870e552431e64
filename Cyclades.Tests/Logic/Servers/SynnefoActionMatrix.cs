using Cyclades.Logic.Servers;

namespace Cyclades.Tests.Logic.Servers;

/// <summary>
/// Synnefo's allowed-action matrix as the reference writes it: <c>TestData/synnefo-action-matrix.md</c>
/// is §3.4 of <c>shared/reference/synnefo-logic.md</c> copied verbatim, and this reads its [L]
/// table (the behaviour from 0.15 on), so the expectations come from the reference, not from the
/// table in the code under test.
/// </summary>
public static class SynnefoActionMatrix
{
    private static readonly Lazy<Dictionary<(string Row, string Column), string>> Cells = new(Read);

    /// <summary>
    /// "ok", "building" (409), "pending &lt;task&gt;" or "state" (400 of a task row or of an operstate
    /// row), or "deleted" for a deleted server (the legend: every action 400, step 1).
    /// </summary>
    public static string Expected(OperState state, ServerAction? task, bool deleted, ServerAction action)
    {
        if (deleted)
        {
            return "deleted";
        }
        var row = task switch
        {
            null => state.ToString().ToUpperInvariant(),
            ServerAction.Build => "any, task=BUILD",
            _ => "any, task=T",
        };
        var cell = Cells.Value[(row, action.ToString().ToUpperInvariant())];
        return cell switch
        {
            _ when cell.StartsWith('✓') => "ok",
            "409" => "building",
            "400" when task is { } pending => $"pending {pending}",
            "400" => "state",
            _ => throw new FormatException($"Unknown cell '{cell}' in row '{row}'"),
        };
    }

    /// <summary>The rows of the [L] table (operstates and task situations) as written.</summary>
    public static IReadOnlyCollection<string> Rows => Cells.Value.Keys.Select(k => k.Row).Distinct().ToList();

    private static Dictionary<(string, string), string> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "synnefo-action-matrix.md"));
        var table = lines
            .SkipWhile(line => !line.StartsWith("**[L]", StringComparison.Ordinal))
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Select(Split)
            .ToList();
        var columns = table[0];
        return table.Skip(2)
            .SelectMany(row => columns.Skip(1).Select((column, i) => (Key: (row[0], column), Cell: row[i + 1])))
            .ToDictionary(x => x.Key, x => x.Cell);
    }

    private static string[] Split(string line) =>
        line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
}
