using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>The SDK's paginator over DescribeInstances while other instances come into being.</summary>
public sealed class PaginationContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task A_paginator_at_page_size_5_returns_exactly_the_23_matching_instances_while_others_are_created()
    {
        using var alice = Host.CreateClient(TestUser.Alice);
        var tagged = new List<string>();
        foreach (var count in new[] { 10, 7, 6 })
        {
            tagged.AddRange((await alice.RunAsync(count, configure: r => r.TagSpecifications =
                [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("set", "paged")] }])).Instances.Select(i => i.InstanceId));
        }
        using var creating = new CancellationTokenSource();
        var others = Task.Run(async () =>
        {
            using var other = Host.CreateClient(TestUser.Alice);
            var made = 0;
            while (!creating.IsCancellationRequested && made < 20)
            {
                await other.RunAsync(2, configure: r => r.TagSpecifications =
                    [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("set", "other")] }]);
                made += 2;
                await Task.Delay(20);
            }
            return made;
        });

        var pages = new List<DescribeInstancesResponse>();
        var request = new DescribeInstancesRequest { MaxResults = 5, Filters = [new Filter("tag:set", ["paged"])] };
        await foreach (var page in alice.Paginators.DescribeInstances(request).Responses)
        {
            pages.Add(page);
            await Task.Delay(50);
        }
        await creating.CancelAsync();
        var madeMeanwhile = await others;

        var seen = pages.SelectMany(p => p.Reservations ?? []).SelectMany(r => r.Instances).Select(i => i.InstanceId).ToList();
        Assert.That(seen, Has.Count.EqualTo(23).And.Unique);
        Assert.That(seen, Is.EquivalentTo(tagged));
        Assert.That(pages, Has.Count.EqualTo(5));
        Assert.That(pages.Take(4).Select(p => p.Reservations.Sum(r => r.Instances.Count)), Is.All.EqualTo(5), "pages count instances, not reservations");
        Assert.That(pages[^1].NextToken, Is.Null);
        Assert.That(madeMeanwhile, Is.GreaterThan(0));
    }

    [Test]
    public async Task Pages_stay_right_when_instances_are_terminated_between_them()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        var ids = await bob.RunningAsync(12);
        var first = await bob.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 });
        var onFirst = first.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId).ToList();
        var later = ids.Except(onFirst).ToList();
        await bob.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [onFirst[0], later[0]] });

        var rest = new List<string>();
        var token = first.NextToken;
        while (token is not null)
        {
            var page = await bob.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5, NextToken = token });
            rest.AddRange(page.Reservations.SelectMany(r => r.Instances).Select(i => i.InstanceId));
            token = page.NextToken;
        }

        Assert.That(onFirst.Concat(rest), Is.EquivalentTo(ids), "terminated instances stay listed (visible for an hour); nothing is skipped or repeated");
    }
}
