using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class DescribeKeyPairsValidator : AbstractValidator<DescribeKeyPairsRequest>
{
    public DescribeKeyPairsValidator() =>
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(KeyPairFilters.Set));
}
