using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Secrets;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Time.Testing;

namespace Cyclades.Tests.Ec2Api.Actions;

[Category("Unit")]
public sealed class PageTokensTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private PageTokens Tokens(byte fill = 7) => new(new SecretProtector(Enumerable.Repeat(fill, 32).ToArray()), _clock);

    private static readonly object Request = new { UserId = 1L, Filters = new[] { "a" } };

    [Test]
    public void A_token_reads_back_its_cursor()
    {
        var tokens = Tokens();

        Assert.That(tokens.ReadLong(Request, tokens.Issue(Request, 123456789L)), Is.EqualTo(123456789L));
        Assert.That(tokens.ReadJson<TagCursor>(Request, tokens.IssueJson(Request, new TagCursor(TaggedResourceType.Image, "ami-1", "k"))),
            Is.EqualTo(new TagCursor(TaggedResourceType.Image, "ami-1", "k")));
        Assert.That(tokens.Issue(Request, 5), Does.Match("^[A-Za-z0-9_-]+$"), "URL-safe, no padding");
    }

    [Test]
    public void A_token_is_refused_when_altered_expired_made_with_another_key_or_sent_with_another_request()
    {
        var tokens = Tokens();
        var token = tokens.Issue(Request, 42L);
        var altered = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];

        Refused(() => tokens.ReadLong(Request, altered));
        Refused(() => tokens.ReadLong(new { UserId = 2L, Filters = new[] { "a" } }, token));
        Refused(() => tokens.ReadLong(new { UserId = 1L, Filters = new[] { "b" } }, token));
        Refused(() => Tokens(fill: 8).ReadLong(Request, token));
        Refused(() => tokens.ReadLong(Request, "!!!"));
        Refused(() => tokens.ReadLong(Request, ""));
        Refused(() => tokens.ReadJson<TagCursor>(Request, token));
        _clock.Advance(PageTokens.Lifetime + TimeSpan.FromSeconds(1));
        Refused(() => tokens.ReadLong(Request, token));
    }

    private static void Refused(Action read) =>
        Assert.That(Assert.Throws<Ec2Exception>(() => read())!.Error.Code, Is.EqualTo("InvalidPaginationToken"));
}
