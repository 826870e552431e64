using Cyclades.Logic.Errors;
using Cyclades.Logic.Launches;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Cyclades.Tests.Logic.Support;

namespace Cyclades.Tests.Logic.Tags;

public sealed class TagServiceTests(DatabaseProvider provider) : LogicTest(provider)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TagService Tags => Logic.Get<TagService>();

    private static TaggedResource Image(string id) => new(TaggedResourceType.Image, id);

    [Test]
    public async Task Tags_are_set_replaced_and_removed_per_user()
    {
        await Tags.SetAsync("u1", [Image("ami-1"), Image("ami-2")], [new Tag("env", "prod"), new Tag("empty", "")], None);
        await Tags.SetAsync("u1", [Image("ami-1")], [new Tag("env", "test")], None);
        await Tags.SetAsync("u2", [Image("ami-1")], [new Tag("env", "theirs")], None);
        await Tags.RemoveAsync("u1", [Image("ami-2")], [new TagRemoval("env", "wrong"), new TagRemoval("empty", null)], None);

        var mine = await Tags.ListForAsync("u1", TaggedResourceType.Image, ["ami-1", "ami-2"], None);
        Assert.That(mine["ami-1"], Is.EqualTo(new[] { new Tag("empty", ""), new Tag("env", "test") }));
        Assert.That(mine["ami-2"], Is.EqualTo(new[] { new Tag("env", "prod") }), "a removal with another value leaves the tag");
        Assert.That((await Tags.ListForAsync("u2", TaggedResourceType.Image, ["ami-1"], None))["ami-1"].Single().Value, Is.EqualTo("theirs"));

        await Tags.RemoveAsync("u1", [Image("ami-1"), Image("ami-2")], null, None);
        Assert.That((await Tags.ListForAsync("u1", TaggedResourceType.Image, ["ami-1", "ami-2"], None)).Count, Is.Zero);
    }

    [Test]
    public async Task Fifty_tags_at_most_and_nothing_changes_when_a_request_would_exceed_them()
    {
        await Tags.SetAsync("u1", [Image("ami-1")], Enumerable.Range(0, 49).Select(i => new Tag($"k{i}", "v")).ToList(), None);
        await Tags.SetAsync("u1", [Image("ami-2")], [new Tag("k0", "v")], None);

        var error = (await Assert.ThrowsAsync<TagLimitExceededException>(() =>
            Tags.SetAsync("u1", [Image("ami-2"), Image("ami-1")], [new Tag("x", "1"), new Tag("y", "2")], None)))!;

        Assert.That(error.Resource, Is.EqualTo(Image("ami-1")));
        Assert.That((await Tags.ListForAsync("u1", TaggedResourceType.Image, ["ami-2"], None))["ami-2"].Count(), Is.EqualTo(1), "all or nothing");
        await Tags.SetAsync("u1", [Image("ami-1")], [new Tag("k0", "changed"), new Tag("k49", "v")], None);
        Assert.That((await Tags.ListForAsync("u1", TaggedResourceType.Image, ["ami-1"], None))["ami-1"].Count(), Is.EqualTo(50));
    }

    [Test]
    public async Task Listing_filters_with_patterns_and_pages_in_a_stable_order()
    {
        await Tags.SetAsync("u1", [Image("ami-1"), Image("ami-2"), new TaggedResource(TaggedResourceType.KeyPair, "7")],
            [new Tag("Name", "web-1"), new Tag("team", "ops"), new Tag("Note", "x")], None);

        var pages = new List<TagPage>();
        TagCursor? after = null;
        do
        {
            pages.Add(await Tags.ListAsync("u1", new TagQuery(), after, 4, None));
            after = pages[^1].Next;
        }
        while (after is not null);
        var named = await Tags.ListAsync("u1", new TagQuery { KeyPatterns = ["N*"], ValuePatterns = ["web-?"] }, null, 100, None);
        var keyPairs = await Tags.ListAsync("u1", new TagQuery { ResourceTypes = [TaggedResourceType.KeyPair] }, null, 100, None);
        var one = await Tags.ListAsync("u1", new TagQuery { Resources = [Image("ami-2")], KeyPatterns = ["team"] }, null, 100, None);

        Assert.That(pages.Select(p => p.Tags.Count), Is.EqualTo(new[] { 4, 4, 1 }));
        Assert.That(pages.SelectMany(p => p.Tags).Distinct().Count(), Is.EqualTo(9));
        Assert.That(named.Tags.Select(t => t.ResourceId), Is.EqualTo(new[] { "ami-1", "ami-2", "7" }));
        Assert.That(keyPairs.Tags, Has.Count.EqualTo(3));
        Assert.That(one.Tags.Single(), Is.EqualTo(new ResourceTag(TaggedResourceType.Image, "ami-2", "team", "ops")));
    }

    [Test]
    public async Task Tags_of_servers_deleted_longer_ago_than_asked_are_not_listed()
    {
        var server = (await Logic.Launches.LaunchAsync(
            new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Tags = [new Tag("Name", "gone")] }, None)).Servers[0].Server;
        await Logic.ExecuteSqlAsync("UPDATE servers SET deleted = 1, deleted_at = @at WHERE id = @id",
            new { id = server.Id, at = UnixTime.ToMicros(DateTimeOffset.UtcNow.AddHours(-2)) });

        var recent = await Tags.ListAsync(LogicHarness.User, new TagQuery { IncludeDeletedServersSince = DateTimeOffset.UtcNow.AddHours(-3) }, null, 10, None);
        var visible = await Tags.ListAsync(LogicHarness.User, new TagQuery { IncludeDeletedServersSince = DateTimeOffset.UtcNow.AddHours(-1) }, null, 10, None);

        Assert.That(recent.Tags.Single().Value, Is.EqualTo("gone"));
        Assert.That(visible.Tags, Is.Empty);
    }

    [Test]
    public async Task Servers_are_found_by_tag_key_value_and_creation_time()
    {
        async Task<ServerView> Launch(params Tag[] tags) =>
            (await Logic.Launches.LaunchAsync(new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1) { Tags = tags }, None)).Servers[0];
        var web = await Launch(new Tag("Name", "web-1"), new Tag("env", "prod"));
        var db = await Launch(new Tag("Name", "db"), new Tag("env", "test"));
        var plain = await Launch();
        await Tags.SetAsync("user-2", [new TaggedResource(TaggedResourceType.Server, plain.Server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [new Tag("Name", "web-1")], None);

        async Task<long[]> Ids(ServerFilter filter) =>
            (await Logic.Queries.ListAsync(LogicHarness.User, filter, null, 100, None)).Servers.Select(s => s.Server.Id).ToArray();
        var day = web.Server.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var exact = web.Server.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(await Ids(new ServerFilter { Tags = [new TagMatch("Name", ["web-*", "db"])] }), Is.EqualTo(new[] { web.Server.Id, db.Server.Id }));
        Assert.That(await Ids(new ServerFilter { Tags = [new TagMatch("Name", ["*"]), new TagMatch("env", ["prod"])] }), Is.EqualTo(new[] { web.Server.Id }));
        Assert.That(await Ids(new ServerFilter { TagKeys = ["e?v"] }), Is.EqualTo(new[] { web.Server.Id, db.Server.Id }));
        Assert.That(await Ids(new ServerFilter { TagValues = ["te*"] }), Is.EqualTo(new[] { db.Server.Id }));
        Assert.That(await Ids(new ServerFilter { Tags = [new TagMatch("name", ["web-1"])] }), Is.Empty, "keys are case-sensitive");
        Assert.That(await Ids(new ServerFilter { CreatedAt = [day + "T*"] }), Has.Length.EqualTo(3));
        Assert.That(await Ids(new ServerFilter { CreatedAt = [exact] }), Does.Contain(web.Server.Id));
        Assert.That(await Ids(new ServerFilter { CreatedAt = [day.ToLowerInvariant() + "t*"] }), Is.Empty, "the T is upper case");
        Assert.That(await Ids(new ServerFilter { CreatedAt = ["1999-*"] }), Is.Empty);
    }

    [Test]
    public async Task A_launch_retried_with_other_tags_is_a_mismatch()
    {
        var request = new LaunchRequest(LogicHarness.User, LogicHarness.Image, LogicHarness.Small, 1, 1)
        {
            IdempotencyKey = "tok", Tags = [new Tag("a", "1"), new Tag("b", "2")],
        };
        var first = await Logic.Launches.LaunchAsync(request, None);

        var reordered = await Logic.Launches.LaunchAsync(request with { Tags = [new Tag("b", "2"), new Tag("a", "1")] }, None);

        Assert.That(reordered.Replayed, Is.True, "the order of the tags does not matter");
        Assert.That(reordered.Launch.Id, Is.EqualTo(first.Launch.Id));
        await Assert.ThrowsAsync<IdempotencyMismatchException>(() => Logic.Launches.LaunchAsync(request with { Tags = [new Tag("a", "1")] }, None));
    }
}
