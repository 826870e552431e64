using Cyclades.Logic.KeyPairs;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public static class KeyPairNameRules
{
    /// <summary>AWS: up to 255 ASCII characters.</summary>
    public static IRuleBuilderOptions<T, string> MustBeAKeyName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => name.Length is > 0 and <= KeyPairService.MaxNameLength && name.All(char.IsAscii))
            .WithMessage($"A key pair name must be 1 to {KeyPairService.MaxNameLength} ASCII characters.");
}
