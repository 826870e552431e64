using System.Text;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Ec2Api.Authentication;

/// <summary>
/// Every one of the 131 captured real-client requests verifies with the clock at its signing time, and
/// none does after any single-byte change of its body, of a signed header value or of its date.
/// </summary>
[Category("Unit")]
public sealed class SigV4CaptureTests
{
    private static IEnumerable<WireCapture> Captures => WireCapture.All;

    [Test]
    public void All_131_captures_are_replayed() => Assert.That(WireCapture.All, Has.Count.EqualTo(131));

    [TestCaseSource(nameof(Captures))]
    public async Task The_captured_request_verifies(WireCapture capture)
    {
        var caller = await Verify(capture, capture.ToRequest());

        Assert.That(caller.AccessKeyId, Is.AnyOf("AKIDEXAMPLE", "ASIAEXAMPLE"));
    }

    [TestCaseSource(nameof(Captures))]
    public void Any_single_byte_change_of_the_body_is_rejected(WireCapture capture)
    {
        var bodies = capture.Body.Length == 0
            ? new[] { "x" }
            : Enumerable.Range(0, capture.Body.Length).Select(i => ChangeAt(capture.Body, i));

        foreach (var body in bodies)
        {
            var error = Rejection(capture, capture.ToRequest(body: body));
            Assert.That(error?.Code, Is.EqualTo("SignatureDoesNotMatch"), $"body {body}");
        }
    }

    [TestCaseSource(nameof(Captures))]
    public void Any_single_byte_change_of_a_signed_header_value_is_rejected(WireCapture capture)
    {
        var signed = SignedHeaders(capture);
        Assert.That(signed, Does.Contain("host"));
        for (var h = 0; h < capture.Headers.Count; h++)
        {
            var (name, value) = capture.Headers[h];
            if (!signed.Contains(name.ToLowerInvariant()))
            {
                continue;
            }
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsWhiteSpace(value[i]))
                {
                    continue; // runs of spaces are folded by canonicalization, by design
                }
                var headers = capture.Headers.ToList();
                headers[h] = new(name, ChangeAt(value, i));
                Assert.That(Rejection(capture, capture.ToRequest(headers: headers)), Is.Not.Null, $"{name}: {headers[h].Value}");
            }
        }
    }

    [TestCaseSource(nameof(Captures))]
    public void A_changed_date_is_rejected(WireCapture capture)
    {
        var later = capture.SignedAt.AddSeconds(1).ToString(SigV4Parser.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        var request = capture.RawQuery.Contains("X-Amz-Date=", StringComparison.Ordinal)
            ? capture.ToRequest(rawQuery: capture.RawQuery.Replace(capture.AmzDate, later, StringComparison.Ordinal))
            : capture.ToRequest(headers: capture.Headers.Select(h => h.Key.Equals("X-Amz-Date", StringComparison.OrdinalIgnoreCase) ? new(h.Key, later) : h).ToList());

        Assert.That(Rejection(capture, request)?.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [TestCaseSource(nameof(Captures))]
    public void The_request_is_expired_sixteen_minutes_either_side_of_its_date(WireCapture capture)
    {
        foreach (var offset in new[] { TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(-16) })
        {
            var error = Rejection(capture, capture.ToRequest(), capture.SignedAt + offset);
            Assert.That(error?.Code, Is.EqualTo("RequestExpired"), offset.ToString());
        }
    }

    [Test]
    public void Any_single_byte_change_of_the_presigned_query_is_rejected()
    {
        var capture = WireCapture.All.Single(c => c.Method == "GET");
        var signatureStart = capture.RawQuery.IndexOf("&X-Amz-Signature=", StringComparison.Ordinal);
        Assert.That(signatureStart, Is.GreaterThan(0));

        for (var i = 0; i < capture.RawQuery.Length; i++)
        {
            var query = ChangeAt(capture.RawQuery, i);
            Assert.That(Rejection(capture, capture.ToRequest(rawQuery: query)), Is.Not.Null, query);
        }
    }

    private static HashSet<string> SignedHeaders(WireCapture capture) =>
        SigV4Parser.Parse(capture.ToRequest(), FormDecoder.Decode(capture.RawQuery)).SignedHeaders.ToHashSet();

    /// <summary>Flips the lowest bit of one character (a different byte, never whitespace).</summary>
    private static string ChangeAt(string text, int index)
    {
        var changed = (char)(text[index] ^ 1);
        if (char.IsWhiteSpace(changed) || char.IsControl(changed))
        {
            changed = (char)(text[index] ^ 2);
        }
        return string.Concat(text.AsSpan(0, index), changed.ToString(), text.AsSpan(index + 1));
    }

    private static Task<Ec2Caller> Verify(WireCapture capture, SigV4Request request, DateTimeOffset? now = null) =>
        new SigV4Verifier(FixedKeys.Captures, new FakeTimeProvider(now ?? capture.SignedAt))
            .VerifyAsync(request, FormDecoder.Decode(request.RawQuery), CancellationToken.None);

    private static Ec2Error? Rejection(WireCapture capture, SigV4Request request, DateTimeOffset? now = null)
    {
        try
        {
            Verify(capture, request, now).GetAwaiter().GetResult();
            return null;
        }
        catch (Ec2Exception e)
        {
            return e.Error;
        }
    }

    [Test]
    public void Captured_bodies_are_ascii_so_a_char_change_is_a_byte_change() =>
        Assert.That(WireCapture.All.All(c => Encoding.UTF8.GetByteCount(c.Body) == c.Body.Length), Is.True);
}
