using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Errors;

namespace Cyclades.Tests.Ec2Api.Actions;

[Category("Unit")]
public sealed class Ec2IdTests
{
    [Test]
    public void Ids_are_the_prefix_and_17_hex_digits() =>
        Assert.That((InstanceIds.Of(42), Ec2Id.Format("r-", 255)), Is.EqualTo(("i-0000000000000002a", "r-000000000000000ff")));

    [TestCase("i-0000000000000002a", 42)]
    [TestCase("i-0000002a", 42)]
    [TestCase("i-fffffffffffffffff", -1)]
    public void Well_formed_ids_read_back(string id, long expected)
    {
        Assert.That(InstanceIds.TryParse(id, out var serverId), Is.True);
        Assert.That(serverId, Is.EqualTo(expected));
    }

    [TestCase("i-2a")]
    [TestCase("i-0000000000000002A")]
    [TestCase("i-000000000000002a")]
    [TestCase("r-0000000000000002a")]
    [TestCase("i-0000000g")]
    [TestCase("")]
    public void Anything_else_is_malformed(string id)
    {
        Assert.That(InstanceIds.TryParse(id, out _), Is.False);
        var error = Assert.Throws<Ec2Exception>(() => InstanceIds.ParseAll(["i-0000002a", id]))!;
        Assert.That((error.Error.Code, error.Error.Message), Is.EqualTo(("InvalidInstanceID.Malformed", $"Invalid id: \"{id}\"")));
    }
}
