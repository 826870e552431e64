using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Secrets;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>
/// Opaque, tamper-evident <c>NextToken</c>s: a cursor (where the page ended), when it was issued, and
/// an HMAC with a key derived from the secrets key over those and the request it belongs to (action,
/// user and filters). A token altered, expired, or sent with another request is
/// <c>InvalidPaginationToken</c>.
/// </summary>
public sealed class PageTokens(SecretProtector secrets, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const byte Version = 1;
    private const int MacSize = 16;
    private const int HeaderSize = 1 + sizeof(long);

    private readonly byte[] _key = secrets.DeriveKey("ec2/pagination-token");

    /// <param name="request">What the token is bound to: anything that must be the same on the next page's request.</param>
    private string Sign(object request, ReadOnlySpan<byte> cursor)
    {
        var payload = new byte[HeaderSize + cursor.Length];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), clock.GetUtcNow().ToUnixTimeSeconds());
        cursor.CopyTo(payload.AsSpan(HeaderSize));
        return Base64Url(payload.Concat(Mac(request, payload)).ToArray());
    }

    public string Issue(object request, long cursor)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, cursor);
        return Sign(request, bytes);
    }

    /// <summary>A token whose cursor is any value serialisable as JSON (a name, a record of the listing order).</summary>
    public string IssueJson<T>(object request, T cursor) => Sign(request, JsonSerializer.SerializeToUtf8Bytes(cursor));

    /// <summary>The cursor of a token issued for <paramref name="request"/>.</summary>
    private byte[] Read(object request, string token)
    {
        var bytes = FromBase64Url(token);
        if (bytes is null || bytes.Length < HeaderSize + MacSize || bytes[0] != Version)
        {
            throw Ec2Errors.InvalidPaginationToken();
        }
        var payload = bytes.AsSpan(0, bytes.Length - MacSize);
        if (!CryptographicOperations.FixedTimeEquals(Mac(request, payload), bytes.AsSpan(payload.Length)))
        {
            throw Ec2Errors.InvalidPaginationToken();
        }
        var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload[1..]));
        if (clock.GetUtcNow() - issued > Lifetime)
        {
            throw Ec2Errors.InvalidPaginationToken();
        }
        return payload[HeaderSize..].ToArray();
    }

    public long ReadLong(object request, string token)
    {
        var cursor = Read(request, token);
        return cursor.Length == sizeof(long) ? BinaryPrimitives.ReadInt64BigEndian(cursor) : throw Ec2Errors.InvalidPaginationToken();
    }

    public T ReadJson<T>(object request, string token)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Read(request, token)) ?? throw Ec2Errors.InvalidPaginationToken();
        }
        catch (JsonException)
        {
            throw Ec2Errors.InvalidPaginationToken();
        }
    }

    private byte[] Mac(object request, ReadOnlySpan<byte> payload)
    {
        var binding = JsonSerializer.SerializeToUtf8Bytes(request);
        var input = new byte[sizeof(int) + binding.Length + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(input, binding.Length);
        binding.CopyTo(input, sizeof(int));
        payload.CopyTo(input.AsSpan(sizeof(int) + binding.Length));
        return HMACSHA256.HashData(_key, input)[..MacSize];
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string token)
    {
        if (token.Length > 1024)
        {
            return null;
        }
        var base64 = new StringBuilder(token.Replace('-', '+').Replace('_', '/'));
        base64.Append('=', (4 - base64.Length % 4) % 4);
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.ToString(), buffer, out var written) ? buffer[..written] : null;
    }
}
