using System.Collections.Concurrent;

namespace Cyclades.Logic.Accounts;

/// <summary>
/// Remembers resolved keys for a few seconds so that a busy client does not cost a database read and
/// a decryption per request. Only hits are kept; any change made through <see cref="AccountService"/>
/// clears it, and a change made by another process is seen after <see cref="Lifetime"/>.
/// </summary>
public sealed class AccessKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (AccessKeyCredentials Credentials, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public AccessKeyCredentials? Get(string accessKeyId)
    {
        if (_entries.TryGetValue(accessKeyId, out var entry))
        {
            if (entry.Expires > time.GetUtcNow())
            {
                return entry.Credentials;
            }
            _entries.TryRemove(accessKeyId, out _);
        }
        return null;
    }

    public void Add(AccessKeyCredentials credentials)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[credentials.AccessKeyId] = (credentials, time.GetUtcNow() + Lifetime);
    }

    public void Clear() => _entries.Clear();
}
