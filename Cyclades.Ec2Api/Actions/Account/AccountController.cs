using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Vpcs;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Quotas;

namespace Cyclades.Ec2Api.Actions.Account;

public sealed class AccountController(QuotaService quotas, NetworkQueries networks) : Ec2Controller
{
    [Ec2Action("DescribeAccountAttributes")]
    public async Task<DescribeAccountAttributesResponse> DescribeAccountAttributes(DescribeAccountAttributesRequest request, CancellationToken cancellationToken)
    {
        var defaultNetwork = await networks.GetDefaultNetworkAsync(Caller.LogicUserId(), cancellationToken);
        var attributes = AccountAttributes.From(await quotas.GetAsync(Caller.LogicUserId(), cancellationToken), VpcIds.Of(defaultNetwork.Id));
        return new DescribeAccountAttributesResponse
        {
            Attributes = attributes.Where(a => request.AttributeNames.Count == 0 || request.AttributeNames.Contains(a.Name)).ToList(),
        };
    }
}
