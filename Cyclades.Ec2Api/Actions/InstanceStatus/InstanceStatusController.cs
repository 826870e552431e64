using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Actions.InstanceStatus;

public sealed class InstanceStatusController(InstancePages pages, IOptions<Ec2ApiOptions> options) : Ec2Controller
{
    [Ec2Action("DescribeInstanceStatus")]
    [HandlesDryRun]
    public async Task<DescribeInstanceStatusResponse> DescribeInstanceStatus(DescribeInstanceStatusRequest request, CancellationToken cancellationToken)
    {
        var (criteria, residual) = InstanceStatusFilters.Translate(request.Filters, request.IncludeAllInstances);
        var (servers, nextToken) = await pages.ReadAsync(Caller, request.InstanceIds, criteria,
            new { request.InstanceIds, request.Filters, request.IncludeAllInstances }, request.NextToken, request.MaxResults, cancellationToken);
        DryRunGate.ThrowIfDryRun(request);

        var region = options.Value.Region;
        var statuses = servers.Select(v => InstanceStatusFilters.Item(
            InstanceIds.Of(v.Server.Id), InstanceStates.Of(v.Server), v.BackendName, AvailabilityZoneCatalog.IdOf(region, v.Server.BackendId)));
        return new DescribeInstanceStatusResponse
        {
            Statuses = InstanceStatusFilters.InMemory.Apply(statuses, residual).ToList(),
            NextToken = nextToken,
        };
    }
}
