using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class CreateKeyPairValidator : AbstractValidator<CreateKeyPairRequest>
{
    public CreateKeyPairValidator()
    {
        RuleFor(r => r.KeyName).MustBeAKeyName();
        RuleFor(r => r.KeyType).Must(t => t is null or "rsa" or "ed25519")
            .WithMessage(r => $"Value ({r.KeyType}) for parameter keyType is invalid. Expected: 'rsa' or 'ed25519'.");
        RuleFor(r => r.KeyFormat).Must(f => f is null or "pem" or "ppk")
            .WithMessage(r => $"Value ({r.KeyFormat}) for parameter keyFormat is invalid. Expected: 'pem' or 'ppk'.");
        RuleFor(r => r.TagSpecifications).MustTag("key-pair");
    }
}
