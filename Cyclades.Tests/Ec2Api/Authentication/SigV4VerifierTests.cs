using System.Text;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Ec2Api.Authentication;

/// <summary>How each kind of bad authentication is answered, starting from a captured good request.</summary>
[Category("Unit")]
public sealed class SigV4VerifierTests
{
    private static readonly WireCapture CliV2 = WireCapture.All.First(c => c.Client.StartsWith("aws-cli/2", StringComparison.Ordinal) && c.Tag == "describe-regions");
    private static readonly WireCapture DotNet = WireCapture.All.First(c => c.Client.StartsWith("AWSSDK", StringComparison.Ordinal));
    private static readonly WireCapture Presigned = WireCapture.All.Single(c => c.Method == "GET");

    private static Ec2Error Rejection(SigV4Request request, DateTimeOffset now, IReadOnlyList<KeyValuePair<string, string>>? query = null)
    {
        var verifier = new SigV4Verifier(FixedKeys.Captures, new FakeTimeProvider(now));
        return Assert.ThrowsAsync<Ec2Exception>(() => verifier.VerifyAsync(request, query ?? FormDecoder.Decode(request.RawQuery), CancellationToken.None))
            .GetAwaiter().GetResult()!.Error;
    }

    private static SigV4Request WithAuthorization(WireCapture capture, Func<string, string> change)
    {
        var request = capture.ToRequest();
        request.Headers.Authorization = change(request.Headers.Authorization.ToString());
        return request;
    }

    [Test]
    public void No_authorization_at_all_is_a_missing_authentication_token()
    {
        var request = CliV2.ToRequest();
        request.Headers.Remove("Authorization");

        Assert.That(Rejection(request, CliV2.SignedAt).Code, Is.EqualTo("MissingAuthenticationToken"));
    }

    [Test]
    public void An_unknown_key_is_an_auth_failure()
    {
        var error = Rejection(WithAuthorization(CliV2, a => a.Replace("AKIDEXAMPLE", "AKIDNOBODY", StringComparison.Ordinal)), CliV2.SignedAt);

        Assert.That((error.Code, error.HttpStatus, error.Message), Is.EqualTo(("AuthFailure", 401, "AWS was not able to validate the provided access credentials")));
    }

    [TestCase("/us-east-1/ec2/aws4_request", "/us-east-1/iam/aws4_request", "Credential should be scoped to correct service: 'ec2'. ")]
    [TestCase("/us-east-1/ec2/aws4_request", "/us-east-1/ec2/aws5_request", "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ")]
    [TestCase("AKIDEXAMPLE/20261124/", "AKIDEXAMPLE/20261123/", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261123' != '20261124', from '20261124T203822Z'.")]
    public void A_scope_for_something_else_does_not_match(string from, string to, string message)
    {
        var error = Rejection(WithAuthorization(CliV2, a => a.Replace(from, to, StringComparison.Ordinal)), CliV2.SignedAt);

        Assert.That((error.Code, error.HttpStatus, error.Message), Is.EqualTo(("SignatureDoesNotMatch", 403, message)));
    }

    [Test]
    public void The_region_in_the_scope_is_used_as_sent() =>
        Assert.That(Rejection(WithAuthorization(CliV2, a => a.Replace("us-east-1", "US-EAST-1", StringComparison.Ordinal)), CliV2.SignedAt).Code,
            Is.EqualTo("SignatureDoesNotMatch"), "a different region gives a different key: accepted only if the client signed with it");

    [TestCase("Credential=AKIDEXAMPLE/20261124/us-east-1/ec2/aws4_request, ", "", "Authorization header requires 'Credential' parameter.")]
    [TestCase("content-type;host;x-amz-date", "content-type;x-amz-date", "'Host' must be a signed header.")]
    [TestCase("content-type;host;x-amz-date", "Content-Type;host;x-amz-date", "SignedHeaders must be a ';'-separated list of lower-case header names, got 'Content-Type;host;x-amz-date'.")]
    [TestCase("AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA512 ", "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'. Use AWS4-HMAC-SHA256.")]
    [TestCase("AKIDEXAMPLE/20261124/us-east-1/ec2/aws4_request", "AKIDEXAMPLE/20261124/ec2/aws4_request",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20261124/ec2/aws4_request'")]
    public void A_malformed_authorization_header_is_an_incomplete_signature(string from, string to, string message)
    {
        var error = Rejection(WithAuthorization(CliV2, a => a.Replace(from, to, StringComparison.Ordinal)), CliV2.SignedAt);

        Assert.That((error.Code, error.HttpStatus, error.Message), Is.EqualTo(("IncompleteSignature", 400, message)));
    }

    [Test]
    public void A_missing_or_malformed_date_is_an_incomplete_signature()
    {
        var missing = CliV2.ToRequest();
        missing.Headers.Remove("X-Amz-Date");
        var malformed = CliV2.ToRequest();
        malformed.Headers["X-Amz-Date"] = "2026-11-24T20:38:22Z";

        Assert.That(Rejection(missing, CliV2.SignedAt).Message, Is.EqualTo("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
        Assert.That(Rejection(malformed, CliV2.SignedAt).Message, Does.StartWith("X-Amz-Date must be in the ISO-8601 basic format"));
    }

    [Test]
    public void A_signed_content_hash_that_is_not_the_bodys_does_not_match()
    {
        var request = DotNet.ToRequest();
        request.Headers["X-Amz-Content-SHA256"] = SigV4Canonicalizer.HexSha256("other"u8);

        var error = Rejection(request, DotNet.SignedAt);

        Assert.That((error.Code, error.Message), Is.EqualTo(("SignatureDoesNotMatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")));
    }

    [Test]
    public void A_signature_that_is_not_hex_does_not_match() =>
        Assert.That(Rejection(WithAuthorization(CliV2, a => a[..^64] + new string('z', 64)), CliV2.SignedAt).Code, Is.EqualTo("SignatureDoesNotMatch"));

    [Test]
    public async Task The_signature_hex_is_read_in_either_case()
    {
        var request = WithAuthorization(CliV2, a => a[..^64] + a[^64..].ToUpperInvariant());

        var caller = await new SigV4Verifier(FixedKeys.Captures, new FakeTimeProvider(CliV2.SignedAt))
            .VerifyAsync(request, [], CancellationToken.None);

        Assert.That(caller.AccessKeyId, Is.EqualTo("AKIDEXAMPLE"));
    }

    [Test]
    public async Task A_presigned_url_expires_after_its_x_amz_expires()
    {
        var request = Presigned.ToRequest();

        Assert.That(Rejection(request, Presigned.SignedAt.AddSeconds(301)).Code, Is.EqualTo("RequestExpired"));
        await Assert.DoesNotThrowAsync(() => new SigV4Verifier(FixedKeys.Captures, new FakeTimeProvider(Presigned.SignedAt.AddSeconds(299)))
            .VerifyAsync(request, FormDecoder.Decode(request.RawQuery), CancellationToken.None));
    }

    [Test]
    public void Both_an_authorization_header_and_a_presigned_query_are_refused()
    {
        var request = Presigned.ToRequest();
        request.Headers.Authorization = CliV2.Headers.Single(h => h.Key == "Authorization").Value;

        Assert.That(Rejection(request, Presigned.SignedAt).Message, Does.StartWith("Only one auth mechanism allowed"));
    }

    [Test]
    public void A_signature_version_2_request_is_told_to_use_version_4()
    {
        var body = "Action=DescribeRegions&Version=2016-11-15&AWSAccessKeyId=AKIDEXAMPLE&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2026-11-24T20%3A47%3A37Z&Signature=abc%3D";
        var request = new SigV4Request("POST", "/", "", new HeaderDictionary { ["Host"] = "127.0.0.1" }, Encoding.UTF8.GetBytes(body));

        var error = Rejection(request, CliV2.SignedAt, FormDecoder.Decode(body));

        Assert.That(error.Message, Is.EqualTo("Signature Version 2 is not supported by this endpoint: sign requests with AWS Signature Version 4."));
    }

    [Test]
    public async Task A_security_token_is_tolerated_and_signed_like_any_header()
    {
        var token = WireCapture.All.Single(c => c.Tag == "token");

        var caller = await new SigV4Verifier(FixedKeys.Captures, new FakeTimeProvider(token.SignedAt))
            .VerifyAsync(token.ToRequest(), [], CancellationToken.None);
        var changed = token.ToRequest();
        changed.Headers["X-Amz-Security-Token"] = "TOKEN124";

        Assert.That(caller.AccessKeyId, Is.EqualTo("ASIAEXAMPLE"));
        Assert.That(Rejection(changed, token.SignedAt).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }
}
