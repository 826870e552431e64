using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Subnets;

public sealed class DeleteSubnetValidator : AbstractValidator<DeleteSubnetRequest>;
