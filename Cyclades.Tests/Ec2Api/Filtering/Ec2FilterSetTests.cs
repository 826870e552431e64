using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Filtering;

namespace Cyclades.Tests.Ec2Api.Filtering;

[Category("Unit")]
public sealed class Ec2FilterSetTests
{
    private static readonly Ec2FilterSet<(string Name, string State)> Set = new Ec2FilterSet<(string Name, string State)>()
        .Add("name", x => x.Name)
        .Add("state", x => x.State);

    private static readonly (string, string)[] Items = [("web-1", "running"), ("web-2", "stopped"), ("db*1", "running")];

    private static IEnumerable<string> Names(params Filter[] filters) => Set.Apply(Items, filters).Select(i => i.Item1);

    [Test]
    public void Values_of_one_filter_are_ored_and_filters_are_anded() =>
        Assert.That(Names(new Filter { Name = "state", Values = ["running", "pending"] }, new Filter { Name = "name", Values = ["web-?"] }),
            Is.EqualTo(new[] { "web-1" }));

    [TestCase("web*", new[] { "web-1", "web-2" })]
    [TestCase("WEB*", new string[0])]
    [TestCase(@"db\*1", new[] { "db*1" })]
    [TestCase("*1", new[] { "web-1", "db*1" })]
    [TestCase("web-.", new string[0])]
    public void Wildcards_are_star_and_question_mark_escaped_by_backslash_and_case_sensitive(string pattern, string[] expected) =>
        Assert.That(Names(new Filter { Name = "name", Values = [pattern] }), Is.EqualTo(expected));

    [Test]
    public void A_pattern_that_would_backtrack_for_ever_is_decided_without_a_timeout()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 12)) + "*b";
        var value = new string('a', 4000);

        Assert.That(Wildcard.ToRegex(pattern).IsMatch(value), Is.False);
        Assert.That(Wildcard.ToRegex(pattern).IsMatch(value + "b"), Is.True);
    }

    [Test]
    public void An_unknown_filter_is_invalid() =>
        Assert.That(Assert.Throws<Ec2Exception>(() => Names(new Filter { Name = "colour", Values = ["red"] }).ToList())!.Error.Message,
            Is.EqualTo("The filter 'colour' is invalid"));
}
