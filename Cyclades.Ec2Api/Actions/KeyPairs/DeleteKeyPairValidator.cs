using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class DeleteKeyPairValidator : AbstractValidator<DeleteKeyPairRequest>
{
    public DeleteKeyPairValidator() =>
        RuleFor(r => r.KeyName ?? r.KeyPairId).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("KeyName");
}
