using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DeleteNetworkInterfaceValidator : AbstractValidator<DeleteNetworkInterfaceRequest>;
