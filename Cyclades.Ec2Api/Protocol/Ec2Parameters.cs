namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// The operation parameters of one request (query string and form body together, without
/// <c>Action</c>, <c>Version</c> and the SigV4 query parameters): names are case-sensitive, order
/// does not matter, a name may carry several values.
/// </summary>
public sealed class Ec2Parameters
{
    private readonly Dictionary<string, List<string>> _values;
    private Dictionary<string, List<string>>? _namesUnder;

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

    /// <summary>Names under <paramref name="prefix"/> followed by a dot, e.g. <c>Filter</c> → <c>Filter.1.Name</c>.</summary>
    public IReadOnlyList<string> NamesUnder(string prefix)
    {
        // Indexed once by every dotted prefix, so binding large nested lists stays linear.
        _namesUnder ??= BuildPrefixIndex();
        return _namesUnder.TryGetValue(prefix, out var names) ? names : [];
    }

    private Dictionary<string, List<string>> BuildPrefixIndex()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in _values.Keys)
        {
            for (var dot = name.IndexOf('.'); dot > 0 && dot < name.Length - 1; dot = name.IndexOf('.', dot + 1))
            {
                var prefix = name[..dot];
                if (!index.TryGetValue(prefix, out var names))
                {
                    index[prefix] = names = [];
                }
                names.Add(name);
            }
        }
        return index;
    }
}
