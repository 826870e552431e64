using System.Security.Cryptography;
using System.Text;

namespace Cyclades.Ec2Api.Authentication;

/// <summary>The SigV4 string to sign and the HMAC chain that signs it.</summary>
public static class SigV4Signer
{
    public static string StringToSign(SigV4Authorization authorization, string canonicalRequest) =>
        $"{SigV4Authorization.Algorithm}\n{authorization.AmzDate}\n{authorization.Scope}\n"
        + SigV4Canonicalizer.HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>The signature bytes; the scope's date, region and service are used as sent.</summary>
    public static byte[] Sign(string secretAccessKey, SigV4Authorization authorization, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), authorization.ScopeDate);
        key = Hmac(key, authorization.Region);
        key = Hmac(key, authorization.Service);
        key = Hmac(key, authorization.Terminator);
        return Hmac(key, stringToSign);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
