using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;
using Filter = Amazon.EC2.Model.Filter;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// CreateNetworkInterface's ClientToken through AWSSDK.EC2 and boto3: a retry gets the interface the first request
/// made (its address taken once), even when requests race; other parameters are a mismatch; another user's token is
/// his own; neither a dry run nor a refused request takes the token.
/// </summary>
public sealed class CreateNetworkInterfaceClientTokenContractTests(DatabaseProvider provider) : VpcFixture(provider, "10.41")
{
    private static async Task<CreateNetworkInterfaceResponse> CreateAsync(IAmazonEC2 client, string subnetId, string token,
        Action<CreateNetworkInterfaceRequest>? configure = null)
    {
        var request = new CreateNetworkInterfaceRequest { SubnetId = subnetId, ClientToken = token };
        configure?.Invoke(request);
        return await client.CreateNetworkInterfaceAsync(request);
    }

    private async Task<IReadOnlyList<string>> InSubnetAsync(string subnetId, IAmazonEC2? client = null) =>
        ((await (client ?? Alice).DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("subnet-id", [subnetId])] }))
            .NetworkInterfaces ?? []).Select(n => n.NetworkInterfaceId).ToList();

    private async Task<int?> FreeAddressesAsync(string subnetId) =>
        (await Alice.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnetId] })).Subnets.Single().AvailableIpAddressCount;

    [Test]
    public async Task A_retry_with_the_same_token_gets_the_same_interface_with_its_chosen_address_and_groups()
    {
        var subnet = await NewSubnetAsync();
        var group = (await Alice.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "idem-web", Description = "web", VpcId = Vpc.VpcId })).GroupId;
        var token = "eni-retry-" + Guid.NewGuid();
        var address = subnet.CidrBlock.Replace("0/24", "77", StringComparison.Ordinal);
        void Configure(CreateNetworkInterfaceRequest r)
        {
            r.Description = "idempotent";
            r.PrivateIpAddress = address;
            r.Groups = [group];
            r.TagSpecifications = [new TagSpecification { ResourceType = "network-interface", Tags = [new Tag("Name", "idem")] }];
        }
        var free = await FreeAddressesAsync(subnet.SubnetId);

        var first = await CreateAsync(Alice, subnet.SubnetId, token, Configure);
        var again = await CreateAsync(Alice, subnet.SubnetId, token, Configure);

        Assert.That(again.NetworkInterface.NetworkInterfaceId, Is.EqualTo(first.NetworkInterface.NetworkInterfaceId));
        Assert.That((again.ClientToken, first.ClientToken), Is.EqualTo((token, token)));
        Assert.That((again.NetworkInterface.PrivateIpAddress, again.NetworkInterface.Description, again.NetworkInterface.Groups.Single().GroupId),
            Is.EqualTo((address, "idempotent", group)));
        Assert.That(again.NetworkInterface.TagSet.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("Name", "idem") }));
        Assert.That(await InSubnetAsync(subnet.SubnetId), Is.EqualTo(new[] { first.NetworkInterface.NetworkInterfaceId }));
        Assert.That(await FreeAddressesAsync(subnet.SubnetId), Is.EqualTo(free - 1));
    }

    [Test]
    public async Task The_same_token_with_other_parameters_is_a_mismatch_and_makes_nothing()
    {
        var subnet = await NewSubnetAsync();
        var other = await NewSubnetAsync();
        var token = "eni-mismatch-" + Guid.NewGuid();
        var first = (await CreateAsync(Alice, subnet.SubnetId, token, r => r.Description = "first")).NetworkInterface;

        var otherDescription = await FailsAsync(() => CreateAsync(Alice, subnet.SubnetId, token, r => r.Description = "second"));
        var otherSubnet = await FailsAsync(() => CreateAsync(Alice, other.SubnetId, token, r => r.Description = "first"));

        foreach (var error in new[] { otherDescription, otherSubnet })
        {
            Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("IdempotentParameterMismatch", HttpStatusCode.BadRequest)));
        }
        Assert.That(await InSubnetAsync(subnet.SubnetId), Is.EqualTo(new[] { first.NetworkInterfaceId }));
        Assert.That(await InSubnetAsync(other.SubnetId), Is.Empty);
    }

    [Test]
    public async Task Another_users_same_token_is_his_own()
    {
        var subnet = await NewSubnetAsync();
        var token = "eni-tenant-" + Guid.NewGuid();
        using var bob = Host.CreateClient(TestUser.Bob);
        var bobsSubnet = (await bob.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])] })).Subnets.First().SubnetId;

        var alices = (await CreateAsync(Alice, subnet.SubnetId, token)).NetworkInterface.NetworkInterfaceId;
        var bobs = (await CreateAsync(bob, bobsSubnet, token)).NetworkInterface.NetworkInterfaceId;
        var bobsAgain = (await CreateAsync(bob, bobsSubnet, token)).NetworkInterface.NetworkInterfaceId;
        var alicesAgain = (await CreateAsync(Alice, subnet.SubnetId, token)).NetworkInterface.NetworkInterfaceId;

        Assert.That(bobs, Is.Not.EqualTo(alices));
        Assert.That((bobsAgain, alicesAgain), Is.EqualTo((bobs, alices)));
        Assert.That((await InSubnetAsync(bobsSubnet, bob)).Count(id => id == bobs), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_requests_with_one_token_make_one_interface()
    {
        var subnet = await NewSubnetAsync();
        var token = "eni-race-" + Guid.NewGuid();
        var clients = Enumerable.Range(0, 12).Select(_ => Host.CreateClient(TestUser.Alice)).ToList();
        var free = await FreeAddressesAsync(subnet.SubnetId);

        var answers = await Task.WhenAll(clients.Select(c => CreateAsync(c, subnet.SubnetId, token, r => r.Description = "raced")));

        Assert.That(answers.Select(a => a.NetworkInterface.NetworkInterfaceId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await InSubnetAsync(subnet.SubnetId), Is.EqualTo(new[] { answers[0].NetworkInterface.NetworkInterfaceId }));
        Assert.That(await FreeAddressesAsync(subnet.SubnetId), Is.EqualTo(free - 1));
        clients.ForEach(c => c.Dispose());
    }

    [Test]
    public async Task Neither_a_dry_run_nor_a_refused_request_takes_the_token()
    {
        var subnet = await NewSubnetAsync();
        var token = "eni-dry-" + Guid.NewGuid();

        var dry = await FailsAsync(() => CreateAsync(Alice, subnet.SubnetId, token, r => r.DryRun = true));
        var refused = await FailsAsync(() => CreateAsync(Alice, subnet.SubnetId, token, r => r.Groups = ["sg-0000000000000dead"]));
        var nothing = await InSubnetAsync(subnet.SubnetId);
        var real = (await CreateAsync(Alice, subnet.SubnetId, token, r => r.Description = "real")).NetworkInterface;

        Assert.That((dry.ErrorCode, dry.StatusCode), Is.EqualTo(("DryRunOperation", HttpStatusCode.PreconditionFailed)));
        Assert.That(refused.ErrorCode, Is.EqualTo("InvalidGroup.NotFound"));
        Assert.That(nothing, Is.Empty);
        Assert.That((real.Status.Value, real.Description), Is.EqualTo(("available", "real")), "the token was free: neither took it");
    }

    [Test]
    public async Task A_retry_after_the_interface_was_deleted_is_told_it_is_gone_and_makes_none()
    {
        var subnet = await NewSubnetAsync();
        var token = "eni-deleted-" + Guid.NewGuid();
        var first = (await CreateAsync(Alice, subnet.SubnetId, token)).NetworkInterface.NetworkInterfaceId;
        await Alice.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = first });

        var again = await FailsAsync(() => CreateAsync(Alice, subnet.SubnetId, token));

        Assert.That((again.ErrorCode, again.Message), Is.EqualTo(("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{first}' does not exist")));
        Assert.That(await InSubnetAsync(subnet.SubnetId), Is.Empty);
    }

    [Test]
    public async Task Boto3_retries_with_the_same_token_get_the_same_interface()
    {
        var subnet = await NewSubnetAsync();
        var token = "eni-boto3-" + Guid.NewGuid();
        object Parameters(string description) => new { SubnetId = subnet.SubnetId, Description = description, ClientToken = token };

        var first = (await Host.Boto3Async(TestUser.Alice, "create_network_interface", Parameters("boto3"))).GetProperty("NetworkInterface");
        var again = (await Host.Boto3Async(TestUser.Alice, "create_network_interface", Parameters("boto3"))).GetProperty("NetworkInterface");
        var mismatch = await Host.Boto3ErrorAsync(TestUser.Alice, "create_network_interface", Parameters("other"));

        Assert.That(again.GetProperty("NetworkInterfaceId").GetString(), Is.EqualTo(first.GetProperty("NetworkInterfaceId").GetString()));
        Assert.That((mismatch.Code, mismatch.Status), Is.EqualTo(("IdempotentParameterMismatch", 400)));
        Assert.That(await InSubnetAsync(subnet.SubnetId), Has.Count.EqualTo(1));
    }
}
