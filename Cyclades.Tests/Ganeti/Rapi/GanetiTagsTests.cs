using Cyclades.Ganeti.Rapi;

namespace Cyclades.Tests.Ganeti.Rapi;

[Category("Unit")]
public sealed class GanetiTagsTests
{
    [TestCase("ec2:ami:ami-42", true)]
    [TestCase("cyclades.user+1*/x@y_z-w", true)]
    [TestCase("ελληνικά:ναι", true)]
    [TestCase("ec2:ami=ami-42", false)]
    [TestCase("with space", false)]
    [TestCase("", false)]
    public void Validity_follows_Ganeti(string tag, bool valid) => Assert.That(GanetiTags.IsValid(tag), Is.EqualTo(valid));

    [Test]
    public void At_most_128_characters() =>
        Assert.That((GanetiTags.IsValid(new string('a', 128)), GanetiTags.IsValid(new string('a', 129))), Is.EqualTo((true, false)));

    [TestCase("ec2:ami=ami-42", "ec2:ami:ami-42")]
    [TestCase("ec2:Name=my web server", "ec2:Name:my_web_server")]
    [TestCase("", "_")]
    [TestCase("ok:already", "ok:already")]
    public void Sanitizing_turns_key_value_into_key_colon_value_and_replaces_the_rest(string tag, string expected)
    {
        var sanitized = GanetiTags.Sanitize(tag);

        Assert.That(sanitized, Is.EqualTo(expected));
        Assert.That(GanetiTags.IsValid(sanitized), Is.True);
    }

    [Test]
    public void Sanitizing_cuts_long_tags() => Assert.That(GanetiTags.Sanitize(new string('x', 300)), Has.Length.EqualTo(128));
}
