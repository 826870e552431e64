using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Bench.Report;

public static class ResultFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <c>bench-&lt;UTC time&gt;[-quick].md</c> and <c>.json</c>, and copies them to <c>latest[-quick].*</c>.</summary>
    public static (string Markdown, string Json) Write(BenchResults results, DirectoryInfo directory)
    {
        directory.Create();
        var suffix = results.Run.Quick ? "-quick" : "";
        var stem = Path.Combine(directory.FullName, $"bench-{results.Run.StartedUtc:yyyyMMdd-HHmmss}{suffix}");
        File.WriteAllText(stem + ".md", MarkdownReport.Render(results));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(results, Json));
        File.Copy(stem + ".md", Path.Combine(directory.FullName, $"latest{suffix}.md"), overwrite: true);
        File.Copy(stem + ".json", Path.Combine(directory.FullName, $"latest{suffix}.json"), overwrite: true);
        return (stem + ".md", stem + ".json");
    }
}
