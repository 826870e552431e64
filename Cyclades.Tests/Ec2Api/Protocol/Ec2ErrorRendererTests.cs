using System.Text;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;

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

    [TestCase(1, "000000000001")]
    [TestCase(123456789012, "123456789012")]
    public void The_owner_id_is_the_user_id_as_a_12_digit_account_number(long userId, string ownerId) =>
        Assert.That(Ec2Caller.OwnerIdOf(userId), Is.EqualTo(ownerId));
}
