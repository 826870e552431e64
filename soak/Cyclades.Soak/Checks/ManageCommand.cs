using System.Text.Json;
using Cyclades.Bench.Infrastructure;
using Cyclades.Soak.Nodes;

namespace Cyclades.Soak.Checks;

/// <summary>The operator's <c>manage</c> verb of the service's executable, with the nodes' configuration.</summary>
public sealed class ManageCommand(RunDirectory run, ServiceConfiguration configuration)
{
    public sealed record Result(int ExitCode, IReadOnlyList<JsonElement> Rows, string Output, string Errors);

    /// <summary>Runs <c>manage reconcile &lt;what&gt; [--fix] --json</c> and returns the rows it reported.</summary>
    public async Task<Result> ReconcileAsync(string what, bool fix, CancellationToken cancellationToken)
    {
        List<string> arguments = [configuration.Assembly, "manage", "reconcile", what, "--json"];
        if (fix)
        {
            arguments.Add("--fix");
        }
        var info = run.StartInfo("dotnet", arguments);
        info.WorkingDirectory = Path.GetDirectoryName(configuration.Assembly)!;
        foreach (var (key, value) in configuration.For(run.Subdirectory("manage"), dispatcher: false))
        {
            info.Environment[key] = value;
        }
        using var process = run.Start(info);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        IReadOnlyList<JsonElement> rows = [];
        try
        {
            rows = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(row => row.Clone()).ToList();
        }
        catch (JsonException)
        {
            // reported by the caller through the exit code and the output
        }
        await File.AppendAllTextAsync(run.File("manage.log"),
            $"$ manage reconcile {what}{(fix ? " --fix" : "")} → {process.ExitCode}\n{text}\n{await errors}\n", cancellationToken);
        return new Result(process.ExitCode, rows, text, await errors);
    }
}
