using System.Text;
using System.Xml.Linq;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Microsoft.AspNetCore.Http;

namespace Cyclades.Tests.Ec2Api.Protocol;

[Category("Unit")]
public sealed class Ec2ErrorRendererTests
{
    [Test]
    public void An_error_is_the_aws_response_document_with_escaped_text()
    {
        var xml = Encoding.UTF8.GetString(Ec2ErrorRenderer.Render(new Ec2Error("InvalidParameterValue", 400, "Value (<a&b>) is invalid."), "req-1"));

        Assert.That(xml, Is.EqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Errors><Error><Code>InvalidParameterValue</Code>"
            + "<Message>Value (&lt;a&amp;b&gt;) is invalid.</Message></Error></Errors><RequestID>req-1</RequestID></Response>"));
    }

    // A source, not attributes: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD;
    // and display names without the characters themselves, which the test runner drops tests for.
    private static readonly TestCaseData[] Messages =
    [
        new TestCaseData("bad\u0001value", "bad\\u0001value").SetArgDisplayNames("a control character"),
        new TestCaseData("\uFFFE\uFFFF", "\\uFFFE\\uFFFF").SetArgDisplayNames("the two non-characters"),
        new TestCaseData("lone \uD800 high, lone \uDC00 low", "lone \\uD800 high, lone \\uDC00 low").SetArgDisplayNames("lone surrogates"),
        new TestCaseData("tab\tline\n and \U0001F600 stay", "tab\tline\n and \U0001F600 stay").SetArgDisplayNames("tab, LF and a surrogate pair"),
    ];

    [TestCaseSource(nameof(Messages))]
    public void Characters_xml_cannot_carry_are_escaped_in_the_message(string message, string shown)
    {
        var xml = XDocument.Parse(Encoding.UTF8.GetString(Ec2ErrorRenderer.Render(new Ec2Error("InvalidParameterValue", 400, message), "req-1")),
            LoadOptions.PreserveWhitespace);

        Assert.That(xml.Root!.Element("Errors")!.Element("Error")!.Element("Message")!.Value, Is.EqualTo(shown));
    }

    [Test]
    public async Task A_failure_while_rendering_still_answers_an_xml_internal_error()
    {
        var http = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await Ec2ErrorRenderer.WriteAsync(http.Response, new Ec2Error(null!, 400, "no code"), "req-2");

        var xml = XDocument.Parse(Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
        Assert.That(http.Response.StatusCode, Is.EqualTo(500));
        Assert.That(http.Response.ContentType, Is.EqualTo(Ec2ErrorRenderer.ContentType));
        Assert.That(xml.Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value, Is.EqualTo("InternalError"));
        Assert.That(xml.Root.Element("RequestID")!.Value, Is.EqualTo("req-2"));
    }

    [TestCase(1, "000000000001")]
    [TestCase(123456789012, "123456789012")]
    public void The_owner_id_is_the_user_id_as_a_12_digit_account_number(long userId, string ownerId) =>
        Assert.That(Ec2Caller.OwnerIdOf(userId), Is.EqualTo(ownerId));
}
