using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class CreateVpcValidator : AbstractValidator<CreateVpcRequest>
{
    public CreateVpcValidator()
    {
        RuleFor(r => r.CidrBlock).Must(c => CidrBlocks.Canonical(c) is not null)
            .WithMessage((_, c) => $"Value ({c}) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        RuleFor(r => r.InstanceTenancy).Must(t => t is null or InstanceFacts.Tenancy or "dedicated" or "host")
            .WithMessage((_, t) => $"Value ({t}) for parameter instanceTenancy is invalid. Expected: 'default', 'dedicated' or 'host'.");
        RuleFor(r => r.TagSpecifications).MustTag("vpc");
    }
}
