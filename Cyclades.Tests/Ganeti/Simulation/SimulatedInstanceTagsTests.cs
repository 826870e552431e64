using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Tests.Ganeti.Simulation;

[Category("Unit")]
public sealed class SimulatedInstanceTagsTests
{
    [Test]
    public async Task Tags_are_added_listed_and_removed_by_jobs_naming_the_instance_by_kind_and_name()
    {
        using var client = Simulator.Cluster().Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1") with { Tags = ["keep"] }));

        var add = await client.RunAsync(c => c.Tags.AddAsync("snf-1", ["synnefo:network:snf-nic-5:protected", "cyclades:sg:snf-nic-5:7", "keep"]));
        var afterAdd = await client.Tags.ListAsync("snf-1");
        var remove = await client.RunAsync(c => c.Tags.RemoveAsync("snf-1", ["synnefo:network:snf-nic-5:protected"]));

        Assert.That((add.Status, remove.Status), Is.EqualTo((GanetiJobStatuses.Success, GanetiJobStatuses.Success)));
        Assert.That(afterAdd, Is.EqualTo(new[] { "keep", "synnefo:network:snf-nic-5:protected", "cyclades:sg:snf-nic-5:7" }));
        Assert.That((await client.Instances.GetAsync("snf-1")).Tags, Is.EqualTo(new[] { "keep", "cyclades:sg:snf-nic-5:7" }));
        var op = add.Ops!.Single();
        Assert.That((op.OpId, op.InstanceName, op.TargetInstance), Is.EqualTo((GanetiOpIds.TagsSet, (string?)null, "snf-1")));
        Assert.That(remove.Ops!.Single().OpId, Is.EqualTo(GanetiOpIds.TagsDelete));
    }

    [Test]
    public async Task Removing_a_tag_the_instance_lacks_fails_the_job_and_removes_none()
    {
        using var client = Simulator.Cluster().Client();
        await client.RunAsync(c => c.Instances.CreateAsync(Simulator.Diskless("snf-1") with { Tags = ["a"] }));

        var remove = await client.RunAsync(c => c.Tags.RemoveAsync("snf-1", ["a", "b"]));
        var unknown = await client.RunAsync(c => c.Tags.AddAsync("snf-2", ["a"]));

        Assert.That((remove.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.UnknownEntity));
        Assert.That(await client.Tags.ListAsync("snf-1"), Is.EqualTo(new[] { "a" }));
        Assert.That((unknown.FirstError as GanetiOpPrereqError)?.Code, Is.EqualTo(GanetiErrorCodes.UnknownEntity));
        Assert.That(() => client.Tags.ListAsync("snf-2"), Throws.TypeOf<GanetiNotFoundException>());
    }

    [Test]
    public void Invalid_or_no_tags_are_refused_before_anything_is_sent()
    {
        using var client = Simulator.Cluster().Client();

        Assert.That(() => client.Tags.AddAsync("snf-1", ["ec2:name=web"]), Throws.TypeOf<GanetiInvalidRequestException>());
        Assert.That(() => client.Tags.RemoveAsync("snf-1", []), Throws.TypeOf<GanetiInvalidRequestException>());
    }
}
