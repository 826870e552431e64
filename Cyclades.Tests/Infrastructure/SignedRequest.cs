using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cyclades.Tests.Infrastructure;

/// <summary>
/// Hand-made SigV4 requests, for what the SDKs will not send (a stale date, an unknown action, a raw
/// body). Signs like botocore: <c>content-type;host;x-amz-date</c>. Written apart from the server's
/// verifier on purpose, from the algorithm in ec2-protocol.md §1.4.
/// </summary>
public static class SignedRequest
{
    public const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static HttpRequestMessage Post(Uri endpoint, TestUser user, string body, DateTimeOffset? signedAt = null, string region = "us-east-1")
    {
        var amzDate = (signedAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = endpoint.Authority;
        var canonical = $"POST\n{endpoint.AbsolutePath}\n\ncontent-type:{FormContentType}\nhost:{host}\nx-amz-date:{amzDate}\n\n"
            + $"content-type;host;x-amz-date\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var scope = $"{amzDate[..8]}/{region}/ec2/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + user.SecretAccessKey);
        foreach (var part in new[] { amzDate[..8], region, "ec2", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={user.AccessKeyId}/{scope}, SignedHeaders=content-type;host;x-amz-date, Signature={signature}");
        return request;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
