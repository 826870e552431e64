using System.Collections;

namespace Cyclades.Logic.Quotas;

/// <summary>Quantities per quota resource (positive = more in use). Zero entries are dropped.</summary>
public sealed class Provisions : IEquatable<Provisions>, IEnumerable<KeyValuePair<QuotaResource, long>>
{
    public static readonly Provisions None = new(new SortedDictionary<QuotaResource, long>());

    private readonly SortedDictionary<QuotaResource, long> _quantities;

    private Provisions(SortedDictionary<QuotaResource, long> quantities) => _quantities = quantities;

    public static Provisions Of(IEnumerable<KeyValuePair<QuotaResource, long>> quantities)
    {
        var sorted = new SortedDictionary<QuotaResource, long>();
        foreach (var (resource, quantity) in quantities)
        {
            sorted[resource] = sorted.GetValueOrDefault(resource) + quantity;
        }
        foreach (var zero in sorted.Where(p => p.Value == 0).Select(p => p.Key).ToList())
        {
            sorted.Remove(zero);
        }
        return new Provisions(sorted);
    }

    public static Provisions Of(params (QuotaResource Resource, long Quantity)[] quantities) =>
        Of(quantities.Select(q => KeyValuePair.Create(q.Resource, q.Quantity)));

    public bool IsEmpty => _quantities.Count == 0;

    public long this[QuotaResource resource] => _quantities.GetValueOrDefault(resource);

    public Provisions Plus(Provisions other) => Of(_quantities.Concat(other._quantities));

    public Provisions Times(long factor) => Of(_quantities.Select(p => KeyValuePair.Create(p.Key, p.Value * factor)));

    public Provisions Negate() => Times(-1);

    /// <summary>Only the increases: what limits are checked against.</summary>
    public Provisions Increases() => Of(_quantities.Where(p => p.Value > 0));

    public IEnumerator<KeyValuePair<QuotaResource, long>> GetEnumerator() => _quantities.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(Provisions? other) => other is not null && _quantities.SequenceEqual(other._quantities);

    public override bool Equals(object? obj) => Equals(obj as Provisions);

    public override int GetHashCode() =>
        _quantities.Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value));

    public override string ToString() =>
        IsEmpty ? "{}" : "{" + string.Join(", ", _quantities.Select(p => $"{p.Key.Name()}: {p.Value}")) + "}";
}
