namespace Cyclades.Ec2Api.Protocol;

/// <summary>Every action name of the EC2 API, from the embedded list taken from botocore's service model.</summary>
public static class Ec2OperationNames
{
    private static readonly Lazy<HashSet<string>> Names = new(Load);

    public static IReadOnlySet<string> All => Names.Value;

    public static bool IsEc2Operation(string action) => Names.Value.Contains(action);

    private static HashSet<string> Load()
    {
        using var stream = typeof(Ec2OperationNames).Assembly.GetManifestResourceStream("Cyclades.Ec2Api.Protocol.Ec2OperationNames.txt")
            ?? throw new InvalidOperationException("The embedded EC2 operation list is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
    }
}
