using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Vpcs;

public sealed class DeleteVpcValidator : AbstractValidator<DeleteVpcRequest>;
