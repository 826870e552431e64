using Cyclades.Ec2Api.Protocol;

namespace Cyclades.Tests.Ec2Api.Protocol;

[Category("Unit")]
public sealed class Ec2VersionsTests
{
    [TestCase("2016-11-15", true)]
    [TestCase("2006-06-26", true)]
    [TestCase("2012-04-01", true)]
    [TestCase("2006-06-25", false)]
    [TestCase("2016-11-16", false)]
    [TestCase("2016-13-01", false)]
    [TestCase("20161115", false)]
    [TestCase("", false)]
    public void Dated_versions_up_to_the_current_one_are_accepted(string version, bool accepted) =>
        Assert.That(Ec2Versions.IsAccepted(version), Is.EqualTo(accepted));

    [Test]
    public void The_namespace_ends_with_a_slash_as_aws_sends_it() =>
        Assert.That(Ec2Versions.Namespace("2014-10-01"), Is.EqualTo("http://ec2.amazonaws.com/doc/2014-10-01/"));
}
