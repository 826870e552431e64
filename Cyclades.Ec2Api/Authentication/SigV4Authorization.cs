namespace Cyclades.Ec2Api.Authentication;

/// <summary>The SigV4 claims of one request, from its Authorization header or its presigned query.</summary>
/// <param name="Scope">The credential scope as sent: <c>date/region/service/aws4_request</c>.</param>
/// <param name="AmzDate">The request time as sent (<c>yyyyMMddTHHmmssZ</c>), part of the string to sign.</param>
/// <param name="Expires">For a presigned request: how long it stays valid after <paramref name="Timestamp"/>.</param>
public sealed record SigV4Authorization(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    string Terminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string AmzDate,
    DateTimeOffset Timestamp,
    TimeSpan? Expires,
    bool IsPresigned)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{ScopeDate}/{Region}/{Service}/{Terminator}";
}
