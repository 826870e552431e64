using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Protocol;

namespace Cyclades.Tests.Ec2Api.Protocol;

[Category("Unit")]
public sealed class FormDecoderTests
{
    [Test]
    public void Pairs_keep_their_order_and_decode_plus_percent_and_utf8()
    {
        var pairs = FormDecoder.Decode("GroupDescription=test+sg&Filter.1.Value.1=Windows%2A&Name=%CE%BA%CF%85%CE%BA%CE%BB%CE%AC%CE%B4%CE%B5%CF%82&Flag&&Empty=");

        Assert.That(pairs, Is.EqualTo(new KeyValuePair<string, string>[]
        {
            new("GroupDescription", "test sg"), new("Filter.1.Value.1", "Windows*"), new("Name", "κυκλάδες"), new("Flag", ""), new("Empty", ""),
        }));
    }

    [TestCase("A=%2")]
    [TestCase("A=%G1")]
    [TestCase("A=%C3%28")]
    public void Broken_escapes_and_invalid_utf8_are_malformed(string form) =>
        Assert.That(Assert.Throws<Ec2Exception>(() => FormDecoder.Decode(form))!.Error.Code, Is.EqualTo("MalformedQueryString"));

    [Test]
    public void Parameters_collect_repeated_names_and_list_names_under_a_prefix()
    {
        var parameters = new Ec2Parameters(FormDecoder.Decode("A=1&A=2&Filter.1.Name=x&Filter.10.Value.1=y&FilterX=z"));

        Assert.That(parameters.GetValues("A"), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(parameters.NamesUnder("Filter"), Is.EquivalentTo(new[] { "Filter.1.Name", "Filter.10.Value.1" }));
        Assert.That(parameters.GetValues("a"), Is.Empty, "names are case-sensitive");
    }
}
