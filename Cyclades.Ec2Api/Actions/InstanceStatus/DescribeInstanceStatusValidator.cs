using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.InstanceStatus;

public sealed class DescribeInstanceStatusValidator : AbstractValidator<DescribeInstanceStatusRequest>
{
    public DescribeInstanceStatusValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(InstanceStatusFilters.InMemory.Names);
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.InstanceIds.Count > 0, "instancesSet").MustBeAPageSize();
    }
}
