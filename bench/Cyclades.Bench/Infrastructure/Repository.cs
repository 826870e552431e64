namespace Cyclades.Bench.Infrastructure;

/// <summary>Paths inside the repository this benchmark was built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Release build of the service (<c>bench/run</c> builds it first).</summary>
    public static string ServiceAssembly =>
        Path.Combine(Root, "Cyclades.Host", "bin", "Release", "net10.0", "Cyclades.Host.dll");

    public static string BenchFile(params string[] parts) => Path.Combine([Root, "bench", .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cyclades.sln")))
            {
                return directory.FullName;
            }
        }
        throw new BenchException($"No Cyclades.sln above {AppContext.BaseDirectory}: run the benchmark from its repository (bench/run).");
    }
}
