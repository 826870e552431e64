using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

public sealed class DescribeInstanceCreditSpecificationsValidator : AbstractValidator<DescribeInstanceCreditSpecificationsRequest>
{
    public DescribeInstanceCreditSpecificationsValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(CpuCredits.Filters.Names);
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.InstanceIds.Count > 0, "instanceIds").MustBeAPageSize();
    }
}
