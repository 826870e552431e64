using FluentValidation;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

public sealed class AttachNetworkInterfaceValidator : AbstractValidator<AttachNetworkInterfaceRequest>
{
    public AttachNetworkInterfaceValidator()
    {
        RuleFor(r => r.DeviceIndex).InclusiveBetween(1, 7)
            .WithMessage((_, i) => $"Value ({i}) for parameter deviceIndex is invalid. Device index 0 is the instance's primary interface; extra interfaces take 1 to 7.");
        RuleFor(r => r.NetworkCardIndex).Must(i => i is null or 0)
            .WithMessage((_, i) => $"Value ({i}) for parameter networkCardIndex is invalid. Instances here have one network card (0).");
    }
}
