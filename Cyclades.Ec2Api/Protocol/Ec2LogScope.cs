using System.Collections;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// The logging scope of one EC2 request: its id, then the user, key and action once known. Log lines
/// written while it is open carry these fields (the JSON console shows them under <c>Scopes</c>).
/// </summary>
public sealed class Ec2LogScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = [new("RequestId", requestId)];

    public void Set(string name, object? value)
    {
        var index = _fields.FindIndex(f => f.Key == name);
        if (index >= 0)
        {
            _fields[index] = new(name, value);
        }
        else
        {
            _fields.Add(new(name, value));
        }
    }

    public object? Get(string name) => _fields.FirstOrDefault(f => f.Key == name).Value;

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', _fields.Select(f => $"{f.Key}:{f.Value}"));
}
