using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class DescribeInstancesValidator : AbstractValidator<DescribeInstancesRequest>
{
    public DescribeInstancesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(InstanceFilters.IsKnown);
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.InstanceIds.Count > 0, "instancesSet").MustBeAPageSize();
    }
}
