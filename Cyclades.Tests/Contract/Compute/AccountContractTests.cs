using Amazon.EC2.Model;
using Cyclades.Logic.Quotas;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>DescribeAccountAttributes from the user's quota.</summary>
public sealed class AccountContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task Max_instances_and_the_quota_resources_come_from_the_users_quota()
    {
        using var bob = Host.CreateClient(TestUser.Bob);
        await Host.Services.GetRequiredService<QuotaService>().SetLimitAsync(await Host.LogicUserIdAsync(TestUser.Bob), QuotaResource.Vm, 7, CancellationToken.None);
        await bob.RunAsync(2, type: "t2.small");

        var all = (await bob.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest())).AccountAttributes
            .ToDictionary(a => a.AttributeName, a => a.AttributeValues.Select(v => v.AttributeValue).ToList());
        var one = await bob.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = ["max-instances"] });
        var unknown = await FailsAsync(() => bob.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = ["colour"] }));

        Assert.That(all["max-instances"], Is.EqualTo(new[] { "7" }));
        Assert.That(all["supported-platforms"], Is.EqualTo(new[] { "VPC" }));
        Assert.That(all["cyclades:vm"], Is.EqualTo(new[] { "limit=7", "in-use=2", "available=5" }));
        Assert.That(all["cyclades:total_ram"], Does.Contain("in-use=4096MiB"));
        Assert.That(one.AccountAttributes.Single().AttributeName, Is.EqualTo("max-instances"));
        Assert.That(unknown.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }
}
