namespace Cyclades.Bench.Infrastructure;

public static class Executable
{
    /// <summary>The full path of a program: <paramref name="preferred"/> if it exists, else found on PATH; null if neither.</summary>
    public static string? Find(string name, string? preferred = null)
    {
        if (preferred is not null && File.Exists(preferred))
        {
            return preferred;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    public static string Require(string name, string? preferred, string installHint) =>
        Find(name, preferred) ?? throw new BenchException($"{name} was not found ({installHint}).");
}
