using System.Text.RegularExpressions;

namespace Cyclades.Tests.Logic;

/// <summary>
/// The core's namespaces (<c>Cyclades.Logic.Servers</c>, <c>.Dispatch</c>, … and the root) form no
/// cycle. Read from the sources: C# reaches a sibling namespace only through a <c>using</c> or a
/// qualified name, both of which spell <c>Cyclades.Logic.X</c>, and the root's types are visible
/// from every namespace below it, so they count by name. An unused <c>using</c> counts too, which
/// errs on the side of reporting a cycle.
/// </summary>
public sealed partial class NamespaceCycleTests
{
    private const string Root = "Cyclades.Logic";

    [Test]
    public void Logic_namespaces_depend_on_each_other_without_a_cycle()
    {
        var files = SourceFiles();
        Assert.That(files, Has.Count.GreaterThan(100), "the Logic sources were not found");
        var rootTypes = files.Where(f => f.Namespace == Root).SelectMany(f => DeclaredTypes(f.Text)).ToList();
        var edges = new Dictionary<string, Dictionary<string, string>>();
        foreach (var file in files)
        {
            var from = Area(file.Namespace);
            var referenced = QualifiedArea().Matches(file.Text).Select(m => m.Groups["area"].Value)
                .Concat(rootTypes.Any(type => Regex.IsMatch(file.Text, $@"\b{type}\b")) ? [""] : []);
            foreach (var to in referenced.Where(to => to != from))
            {
                var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = [];
                targets.TryAdd(to, file.Path);
            }
        }

        var cycle = FindCycle(edges);

        Assert.That(cycle, Is.Null, () => "namespace cycle: " + string.Join(" → ", cycle!.Select(step => $"{Name(step.Area)} ({step.Because})")));
    }

    [Test]
    public void The_cycle_finder_finds_a_cycle() =>
        Assert.That(
            FindCycle(new() { ["A"] = new() { ["B"] = "a.cs" }, ["B"] = new() { ["C"] = "b.cs" }, ["C"] = new() { ["A"] = "c.cs" } })?.Select(s => s.Area),
            Is.EquivalentTo(new[] { "A", "B", "C" }));

    /// <summary>The first cycle found, each step with the file that makes the edge to the next; null if none.</summary>
    private static List<(string Area, string Because)>? FindCycle(Dictionary<string, Dictionary<string, string>> edges)
    {
        var done = new HashSet<string>();
        var path = new List<(string Area, string Because)>();
        List<(string, string)>? Visit(string area)
        {
            var onPath = path.FindIndex(step => step.Area == area);
            if (onPath >= 0)
            {
                return path[onPath..];
            }
            if (!done.Add(area))
            {
                return null;
            }
            foreach (var (next, because) in edges.GetValueOrDefault(area) ?? [])
            {
                path.Add((area, because));
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
                path.RemoveAt(path.Count - 1);
            }
            return null;
        }
        return edges.Keys.Order().Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }

    /// <summary>The top-level namespace below the root (nested ones, e.g. <c>Events.Operations</c>, belong to theirs); "" for the root.</summary>
    private static string Area(string ns) =>
        ns == Root ? "" : ns[(Root.Length + 1)..].Split('.')[0];

    private static string Name(string area) => area == "" ? Root : $"{Root}.{area}";

    private static IEnumerable<string> DeclaredTypes(string text) =>
        TypeDeclaration().Matches(text).Select(m => m.Groups["name"].Value);

    private static List<(string Path, string Namespace, string Text)> SourceFiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, Root, $"{Root}.csproj")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            return [];
        }
        var project = Path.Combine(directory.FullName, Root);
        return Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(path => Path.GetRelativePath(project, path).Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin"))
            .Select(path => (Path.GetRelativePath(project, path), File.ReadAllText(path)))
            .Select(f => (f.Item1, FileNamespace().Match(f.Item2).Groups["ns"].Value, f.Item2))
            .Where(f => f.Item2.Length > 0)
            .ToList();
    }

    [GeneratedRegex(@"^namespace (?<ns>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"(?<![\w.])Cyclades\.Logic\.(?<area>\w+)")]
    private static partial Regex QualifiedArea();

    [GeneratedRegex(@"^\s*(?:public|internal)\b[\w ]*?\b(?:class|struct|interface|enum|record)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
