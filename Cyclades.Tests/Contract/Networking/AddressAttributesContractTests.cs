using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>DescribeAddressesAttribute, read by every Terraform <c>aws_eip</c> refresh: no PTR records, an empty set.</summary>
public sealed class AddressAttributesContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task The_domain_name_attribute_set_is_empty()
    {
        var sdk = await Alice.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest
        {
            AllocationIds = ["eipalloc-0123456789abcdef0"],
            Attribute = AddressAttributeName.DomainName,
        });
        var boto3 = await Host.Boto3Async(TestUser.Alice, "describe_addresses_attribute", new { Attribute = "domain-name", MaxResults = 1 });

        Assert.That(sdk.Addresses ?? [], Is.Empty);
        Assert.That(boto3.GetProperty("Addresses").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Bad_arguments_are_invalid_and_dry_run_is_checked()
    {
        var attribute = await Host.Boto3ErrorAsync(TestUser.Alice, "describe_addresses_attribute", new { Attribute = "colour" });
        var id = await FailsAsync(() => Alice.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest { AllocationIds = ["10.0.0.1"] }));
        var dryRun = await FailsAsync(() => Alice.DescribeAddressesAttributeAsync(new DescribeAddressesAttributeRequest { DryRun = true }));

        Assert.That((attribute.Code, attribute.Status), Is.EqualTo(("InvalidParameterValue", 400)));
        Assert.That(id.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(dryRun.ErrorCode, Is.EqualTo("DryRunOperation"));
    }
}
