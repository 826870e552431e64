namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// The operation parameters of one request (query string and form body together, without
/// <c>Action</c>, <c>Version</c> and the SigV4 query parameters): names are case-sensitive, order
/// does not matter, a name may carry several values.
/// </summary>
public sealed class Ec2Parameters
{
    private readonly Dictionary<string, List<string>> _values;

    public Ec2Parameters(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!_values.TryGetValue(name, out var list))
            {
                _values[name] = list = [];
            }
            list.Add(value);
        }
    }

    public static Ec2Parameters Empty { get; } = new([]);

    public IEnumerable<string> Names => _values.Keys;

    public bool Contains(string name) => _values.ContainsKey(name);

    public IReadOnlyList<string> GetValues(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>Names under <paramref name="prefix"/> followed by a dot, e.g. <c>Filter.</c> → <c>Filter.1.Name</c>.</summary>
    public IEnumerable<string> NamesUnder(string prefix) =>
        _values.Keys.Where(n => n.Length > prefix.Length + 1 && n.StartsWith(prefix, StringComparison.Ordinal) && n[prefix.Length] == '.');
}
