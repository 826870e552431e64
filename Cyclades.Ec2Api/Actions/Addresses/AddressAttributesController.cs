using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;

namespace Cyclades.Ec2Api.Actions.Addresses;

/// <summary>
/// Reverse DNS of the caller's Elastic IPs (<c>domain-name</c>): this cloud sets no PTR records, so
/// each address is listed without one — what Terraform's <c>aws_eip</c> reads on every refresh (one
/// item whose allocation id is its own).
/// </summary>
public sealed class AddressAttributesController(AddressViews views, PageTokens tokens) : Ec2Controller
{
    private const int MaxPageSize = 1000;

    [Ec2Action("DescribeAddressesAttribute")]
    public async Task<DescribeAddressesAttributeResponse> DescribeAddressesAttribute(DescribeAddressesAttributeRequest request, CancellationToken cancellationToken)
    {
        var all = await views.ListAsync(Caller, cancellationToken);
        if (request.AllocationIds.FirstOrDefault(id => all.All(a => a.AllocationId != id)) is { } unknownId)
        {
            throw Ec2Errors.InvalidAllocationIdNotFound(unknownId);
        }
        var binding = new { request.Attribute, AllocationIds = string.Join(",", request.AllocationIds) };
        var after = request.NextToken is null ? -1 : tokens.ReadLong(binding, request.NextToken);
        var matching = all
            .Where(a => request.AllocationIds.Count == 0 || request.AllocationIds.Contains(a.AllocationId))
            .Select(a => (Id: AddressIds.TryParse(a.AllocationId, out var id) ? id : -1, Item: a))
            .Where(a => a.Id > after)
            .ToList();
        var page = matching.Take(PagingRules.PageSize(request.MaxResults, MaxPageSize)).ToList();
        return new DescribeAddressesAttributeResponse
        {
            Addresses = page.Select(a => new AddressAttributeItem { PublicIp = a.Item.PublicIp, AllocationId = a.Item.AllocationId }).ToList(),
            NextToken = page.Count < matching.Count ? tokens.Issue(binding, page[^1].Id) : null,
        };
    }
}
