using System.Security.Cryptography;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Accounts;

namespace Cyclades.Ec2Api.Authentication;

/// <summary>
/// Verifies a SigV4-signed request against the secret of its access key. The clock comes from the
/// injected <see cref="TimeProvider"/>; requests more than <see cref="AllowedSkew"/> away from it
/// (or past a presigned request's expiry) are expired.
/// </summary>
public sealed class SigV4Verifier(IAccessKeyResolver keys, TimeProvider time)
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    public const string Ec2Service = "ec2";
    private const string Terminator = "aws4_request";
    private const string ContentSha256Header = "x-amz-content-sha256";

    /// <param name="query">The decoded query string pairs (where a presigned request carries its signature).</param>
    /// <param name="service">The service the credential must be scoped to (<see cref="Ec2Service"/> unless the request is another service's).</param>
    /// <exception cref="Ec2Exception">The request is not authentic.</exception>
    public async Task<Ec2Caller> VerifyAsync(SigV4Request request, IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken cancellationToken,
        string service = Ec2Service)
    {
        var authorization = SigV4Parser.Parse(request, query);
        if (authorization.Service != service)
        {
            throw Ec2Errors.SignatureDoesNotMatch($"Credential should be scoped to correct service: '{service}'. ");
        }
        if (authorization.Terminator != Terminator)
        {
            throw Ec2Errors.SignatureDoesNotMatch($"Credential should be scoped with a valid terminator: '{Terminator}', not '{authorization.Terminator}'. ");
        }
        EnsureCurrent(authorization);
        if (authorization.ScopeDate != authorization.AmzDate[..8])
        {
            throw Ec2Errors.SignatureDoesNotMatch(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.ScopeDate}' != '{authorization.AmzDate[..8]}', from '{authorization.AmzDate}'.");
        }

        var credentials = await keys.ResolveAsync(authorization.AccessKeyId, cancellationToken) ?? throw Ec2Errors.AuthFailure();

        var payloadHash = SigV4Canonicalizer.HexSha256(request.Body.Span);
        if (authorization.SignedHeaders.Contains(ContentSha256Header)
            && !string.Equals(request.Headers[ContentSha256Header].ToString(), payloadHash, StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.SignatureDoesNotMatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        var canonicalRequest = SigV4Canonicalizer.CanonicalRequest(request, authorization, payloadHash);
        var expected = SigV4Signer.Sign(credentials.SecretAccessKey, authorization, SigV4Signer.StringToSign(authorization, canonicalRequest));
        if (!Matches(expected, authorization.Signature))
        {
            throw Ec2Errors.SignatureDoesNotMatch();
        }
        return new Ec2Caller(credentials.UserId, credentials.UserName, credentials.AccessKeyId);
    }

    private void EnsureCurrent(SigV4Authorization authorization)
    {
        var now = time.GetUtcNow();
        var notBefore = authorization.Timestamp - AllowedSkew;
        var notAfter = authorization.Timestamp + (authorization.Expires ?? AllowedSkew);
        if (now < notBefore || now > notAfter)
        {
            throw Ec2Errors.RequestExpired();
        }
    }

    /// <summary>Constant-time comparison of the expected signature with the hex one provided.</summary>
    private static bool Matches(byte[] expected, string providedHex)
    {
        var provided = new byte[expected.Length];
        var valid = providedHex.Length == expected.Length * 2
            && Convert.FromHexString(providedHex, provided, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length;
        return CryptographicOperations.FixedTimeEquals(expected, provided) && valid;
    }
}
