using System.Net;
using Amazon.EC2.Model;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// DescribeInstanceCreditSpecifications (every instance <c>standard</c>) and
/// ModifyInstanceCreditSpecification (<c>standard</c> only), through AWSSDK.EC2 and boto3.
/// </summary>
public sealed class CreditSpecificationsContractTests : ComputeFixture
{
    private async Task<List<InstanceCreditSpecification>> DescribeAllAsync(DescribeInstanceCreditSpecificationsRequest request)
    {
        var all = new List<InstanceCreditSpecification>();
        await foreach (var item in Alice.Paginators.DescribeInstanceCreditSpecifications(request).InstanceCreditSpecifications)
        {
            all.Add(item);
        }
        return all;
    }

    [Test]
    public async Task Every_instance_that_has_not_terminated_is_standard_in_pages_with_ids_and_filters()
    {
        var ids = await Alice.RunIdsAsync(6);
        var terminated = (await Alice.RunIdsAsync())[0];
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [terminated] });
        await Alice.WaitForAsync("terminated", terminated);

        var paged = await DescribeAllAsync(new DescribeInstanceCreditSpecificationsRequest { MaxResults = 5 });
        var named = (await Alice.DescribeInstanceCreditSpecificationsAsync(new DescribeInstanceCreditSpecificationsRequest { InstanceIds = [ids[1], ids[4]] }))
            .InstanceCreditSpecifications;
        var filtered = (await Alice.DescribeInstanceCreditSpecificationsAsync(new DescribeInstanceCreditSpecificationsRequest
        {
            Filters = [new Filter { Name = "instance-id", Values = [ids[2]] }],
        })).InstanceCreditSpecifications;

        Assert.That(paged.Select(s => s.InstanceId), Is.SupersetOf(ids).And.Not.Contains(terminated).And.Unique);
        Assert.That(paged.Select(s => s.CpuCredits).Distinct(), Is.EqualTo(new[] { "standard" }));
        Assert.That(named.Select(s => (s.InstanceId, s.CpuCredits)), Is.EqualTo(new[] { (ids[1], "standard"), (ids[4], "standard") }));
        Assert.That(filtered.Select(s => s.InstanceId), Is.EqualTo(new[] { ids[2] }));
    }

    [Test]
    public async Task Describe_refuses_unknown_ids_bad_filters_and_max_results_with_ids()
    {
        var id = (await Alice.RunIdsAsync())[0];

        var unknown = await FailsAsync(() => Alice.DescribeInstanceCreditSpecificationsAsync(
            new DescribeInstanceCreditSpecificationsRequest { InstanceIds = ["i-0000000000000fff0"] }));
        var filter = await FailsAsync(() => Alice.DescribeInstanceCreditSpecificationsAsync(
            new DescribeInstanceCreditSpecificationsRequest { Filters = [new Filter { Name = "instance-type", Values = ["t2.micro"] }] }));
        var both = await FailsAsync(() => Alice.DescribeInstanceCreditSpecificationsAsync(
            new DescribeInstanceCreditSpecificationsRequest { InstanceIds = [id], MaxResults = 5 }));

        Assert.That((unknown.ErrorCode, unknown.StatusCode), Is.EqualTo(("InvalidInstanceID.NotFound", HttpStatusCode.BadRequest)));
        Assert.That(filter.ErrorCode, Is.EqualTo("InvalidParameterValue"));
        Assert.That(both.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
    }

    [Test]
    public async Task Modify_accepts_standard_and_refuses_the_rest_instance_by_instance()
    {
        var ids = await Alice.RunIdsAsync(2);
        var terminated = (await Alice.RunningAsync())[0];
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [terminated] });
        await Alice.WaitForAsync("terminated", terminated);
        var bobs = (await Host.CreateClient(TestUser.Bob).RunIdsAsync())[0];

        var result = await Alice.ModifyInstanceCreditSpecificationAsync(new ModifyInstanceCreditSpecificationRequest
        {
            InstanceCreditSpecifications =
            [
                new() { InstanceId = ids[0], CpuCredits = "standard" },
                new() { InstanceId = ids[1], CpuCredits = "unlimited" },
                new() { InstanceId = terminated, CpuCredits = "standard" },
                new() { InstanceId = bobs, CpuCredits = "standard" },
                new() { InstanceId = "i-zz", CpuCredits = "standard" },
            ],
        });

        Assert.That(result.SuccessfulInstanceCreditSpecifications.Select(s => s.InstanceId), Is.EqualTo(new[] { ids[0] }));
        Assert.That(result.UnsuccessfulInstanceCreditSpecifications.Select(s => (s.InstanceId, s.Error.Code.Value)), Is.EqualTo(new[]
        {
            (ids[1], "InstanceCreditSpecification.NotSupported"),
            (terminated, "IncorrectInstanceState"),
            (bobs, "InvalidInstanceID.NotFound"),
            ("i-zz", "InvalidInstanceID.Malformed"),
        }));
        Assert.That(result.UnsuccessfulInstanceCreditSpecifications[0].Error.Message, Does.Contain("only the 'standard' CPU credit option"));
        var after = await Alice.DescribeInstanceCreditSpecificationsAsync(new DescribeInstanceCreditSpecificationsRequest { InstanceIds = ids });
        Assert.That(after.InstanceCreditSpecifications.Select(s => s.CpuCredits), Is.EqualTo(new[] { "standard", "standard" }));
    }

    [TestCase("bogus", "InvalidParameterValue", "Value (bogus) for parameter cpuCredits is invalid.")]
    [TestCase(null, "MissingParameter", "InstanceCreditSpecification.N.CpuCredits")]
    public async Task Modify_refuses_a_request_without_a_valid_credit_option(string? credits, string code, string message)
    {
        var id = (await Alice.RunIdsAsync())[0];

        var error = await FailsAsync(() => Alice.ModifyInstanceCreditSpecificationAsync(new ModifyInstanceCreditSpecificationRequest
        {
            InstanceCreditSpecifications = [new() { InstanceId = id, CpuCredits = credits }],
        }));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public async Task Boto3_describes_and_modifies_credit_specifications()
    {
        var id = (await Alice.RunIdsAsync())[0];

        var described = await Host.Boto3Async(TestUser.Alice, "describe_instance_credit_specifications", new { InstanceIds = new[] { id } });
        var modified = await Host.Boto3Async(TestUser.Alice, "modify_instance_credit_specification", new
        {
            InstanceCreditSpecifications = new[] { new { InstanceId = id, CpuCredits = "standard" }, new { InstanceId = id, CpuCredits = "unlimited" } },
        });

        var item = described.GetProperty("InstanceCreditSpecifications").EnumerateArray().Single();
        Assert.That((item.GetProperty("InstanceId").GetString(), item.GetProperty("CpuCredits").GetString()), Is.EqualTo((id, "standard")));
        Assert.That(modified.GetProperty("SuccessfulInstanceCreditSpecifications").EnumerateArray().Select(s => s.GetProperty("InstanceId").GetString()),
            Is.EqualTo(new[] { id }));
        var refused = modified.GetProperty("UnsuccessfulInstanceCreditSpecifications").EnumerateArray().Single();
        Assert.That(refused.GetProperty("Error").GetProperty("Code").GetString(), Is.EqualTo("InstanceCreditSpecification.NotSupported"));
    }
}
