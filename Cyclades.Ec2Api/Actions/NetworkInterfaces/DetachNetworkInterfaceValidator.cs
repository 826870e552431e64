using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class DetachNetworkInterfaceValidator : AbstractValidator<DetachNetworkInterfaceRequest>;
