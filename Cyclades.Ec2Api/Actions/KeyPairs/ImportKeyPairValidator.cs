using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class ImportKeyPairValidator : AbstractValidator<ImportKeyPairRequest>
{
    public ImportKeyPairValidator()
    {
        RuleFor(r => r.KeyName).MustBeAKeyName();
        RuleFor(r => r.TagSpecifications).MustTag("key-pair");
    }
}
