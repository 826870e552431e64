namespace Cyclades.Tests.Infrastructure;

/// <summary>What counts as CI: there a missing service fails the test instead of skipping it.</summary>
[Category("Unit")]
public sealed class RequiredServiceTests
{
    [TestCase("true")]
    [TestCase("TRUE")]
    [TestCase("1")]
    [TestCase("yes")]
    [TestCase("Yes")]
    [TestCase("github-actions")]
    public void A_set_CI_variable_is_CI(string value) => Assert.That(RequiredService.IsCi(value), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("false")]
    [TestCase("False")]
    [TestCase("0")]
    [TestCase("no")]
    public void An_unset_or_negative_CI_variable_is_not_CI(string? value) => Assert.That(RequiredService.IsCi(value), Is.False);
}
