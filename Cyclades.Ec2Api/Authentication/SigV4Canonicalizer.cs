using System.Security.Cryptography;
using System.Text;
using Cyclades.Ec2Api.Protocol;

namespace Cyclades.Ec2Api.Authentication;

/// <summary>Builds the SigV4 canonical request from the request exactly as received (ec2-protocol.md §1.4).</summary>
public static class SigV4Canonicalizer
{
    public static string CanonicalRequest(SigV4Request request, SigV4Authorization authorization, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in authorization.SignedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }
        builder.Append('\n');
        builder.Append(string.Join(';', authorization.SignedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>The path as sent, URI-encoded once more with <c>/</c> kept (what botocore signs for EC2).</summary>
    public static string CanonicalUri(string rawPath) => rawPath.Length == 0 ? "/" : UriEncode(rawPath, keepSlash: true);

    /// <summary>Every query parameter but <c>X-Amz-Signature</c>, decoded, re-encoded (RFC 3986) and sorted.</summary>
    public static string CanonicalQuery(string rawQuery) =>
        string.Join('&', FormDecoder.Decode(rawQuery)
            .Where(p => p.Key != SigV4QueryParameters.Signature)
            .Select(p => (Name: UriEncode(p.Key, keepSlash: false), Value: UriEncode(p.Value, keepSlash: false)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    /// <summary>All values of the header joined by commas, each trimmed with inner runs of spaces folded to one.</summary>
    private static string CanonicalHeaderValue(SigV4Request request, string name) =>
        string.Join(',', request.Headers[name].Select(v => FoldSpaces(v ?? "")));

    private static string FoldSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (c is ' ' or '\t')
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    public static string UriEncode(string text, bool keepSlash)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
