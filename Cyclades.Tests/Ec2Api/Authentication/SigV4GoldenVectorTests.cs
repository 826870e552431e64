using System.Text;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Ec2Api.Authentication;

/// <summary>The three golden vectors of ec2-protocol.md §1.4, checked step by step.</summary>
[Category("Unit")]
public sealed class SigV4GoldenVectorTests
{
    [Test]
    public void Vector_1_aws_cli_v2_describe_regions()
    {
        var capture = Capture("aws-cli/2.9.19", "describe-regions", "146b104ef47f545166f6202794fc3107c96d0bd55645e04168fedd5c36d49c78");
        var (canonical, stringToSign, signature) = Steps(capture);

        Assert.That(canonical, Is.EqualTo(
            "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:127.0.0.1:5056\nx-amz-date:20261124T203822Z\n\n"
            + "content-type;host;x-amz-date\n903451d1f3cda66f6ac7101b5810af53eb3ce6b47c5162b0b2238ce9086b6a0d"));
        Assert.That(stringToSign.Split('\n')[^1], Is.EqualTo("f87f5f298b72c99273c057697ed3cf1661478815db73f28b16ccc30e356b23ce"));
        Assert.That(signature, Is.EqualTo("146b104ef47f545166f6202794fc3107c96d0bd55645e04168fedd5c36d49c78"));
    }

    [Test]
    public void Vector_2_js_sdk_describe_instances_signing_eight_headers()
    {
        var capture = Capture("@aws-sdk/client-ec2", "notfound", "65ed070482ce8fb6caf30fcac3322d7017ea371a1e49baa5a843927c156e5334");
        var (_, stringToSign, signature) = Steps(capture);

        Assert.That(stringToSign.Split('\n')[^1], Is.EqualTo("1c9cafc4dfc19e8fcc021eeee8252f59b3fa2d9d7d04b039359cafad22f8b294"));
        Assert.That(signature, Is.EqualTo("65ed070482ce8fb6caf30fcac3322d7017ea371a1e49baa5a843927c156e5334"));
    }

    [Test]
    public async Task Vector_3_dotnet_sdk_describe_regions_signing_the_content_hash()
    {
        var capture = Capture("AWSSDK.EC2", "describe-regions-noregion", "497505a811ea5c912bc8a786a0d059e02eded42380f523e0923816c1df252b0d");
        var (_, _, signature) = Steps(capture);
        var verifier = new SigV4Verifier(FixedKeys.Captures, new FakeTimeProvider(capture.SignedAt));

        var caller = await verifier.VerifyAsync(capture.ToRequest(), FormDecoder.Decode(capture.RawQuery), CancellationToken.None);

        Assert.That(signature, Is.EqualTo("497505a811ea5c912bc8a786a0d059e02eded42380f523e0923816c1df252b0d"));
        Assert.That(caller.AccessKeyId, Is.EqualTo("AKIDEXAMPLE"));
    }

    private static WireCapture Capture(string client, string tag, string signature) =>
        WireCapture.All.Single(c => c.Client.StartsWith(client, StringComparison.Ordinal) && c.Tag == tag
            && c.Headers.Any(h => h.Value.EndsWith(signature, StringComparison.Ordinal)));

    private static (string Canonical, string StringToSign, string Signature) Steps(WireCapture capture)
    {
        var request = capture.ToRequest();
        var authorization = SigV4Parser.Parse(request, FormDecoder.Decode(capture.RawQuery));
        var canonical = SigV4Canonicalizer.CanonicalRequest(request, authorization, SigV4Canonicalizer.HexSha256(Encoding.UTF8.GetBytes(capture.Body)));
        var stringToSign = SigV4Signer.StringToSign(authorization, canonical);
        return (canonical, stringToSign, Convert.ToHexStringLower(SigV4Signer.Sign(WireCapture.Secret, authorization, stringToSign)));
    }
}
