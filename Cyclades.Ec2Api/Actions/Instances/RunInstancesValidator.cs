using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Logic.KeyPairs;
using Cyclades.Logic.Launches;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Instances;

public sealed class RunInstancesValidator : AbstractValidator<RunInstancesRequest>
{
    public const int MaxUserDataBytes = 16 * 1024;

    public RunInstancesValidator()
    {
        RuleFor(r => r.MinCount).InclusiveBetween(1, LaunchService.MaxServersPerLaunch)
            .WithMessage(r => $"Value ({N(r.MinCount)}) for parameter minCount is invalid. Expected a number from 1 to {N(LaunchService.MaxServersPerLaunch)}.");
        RuleFor(r => r.MaxCount).Must((r, max) => max >= r.MinCount)
            .WithMessage(r => $"Value ({N(r.MaxCount)}) for parameter maxCount is invalid. Expected a number not less than minCount ({N(r.MinCount)}).");
        RuleFor(r => r.KeyName).MaximumLength(KeyPairService.MaxNameLength)
            .WithMessage($"The key pair name must be at most {KeyPairService.MaxNameLength} characters.");
        RuleFor(r => r.UserData).Must(BeUserData!).When(r => r.UserData is not null)
            .WithMessage($"User data must be base64 and at most {MaxUserDataBytes} bytes once decoded.");
        RuleFor(r => r.ClientToken).MustBeAClientToken();
        RuleFor(r => r.InstanceInitiatedShutdownBehavior).Must(b => b is null || ShutdownBehaviors.IsValid(b))
            .WithMessage(r => $"Value ({r.InstanceInitiatedShutdownBehavior}) for parameter instanceInitiatedShutdownBehavior is invalid. Expected: 'stop' or 'terminate'.");
        RuleFor(r => r.CreditSpecification!.CpuCredits).Must(c => c is InstanceFacts.StandardCpuCredits or InstanceFacts.UnlimitedCpuCredits)
            .When(r => r.CreditSpecification is not null)
            .WithMessage(r => $"Value ({r.CreditSpecification!.CpuCredits}) for parameter cpuCredits is invalid. Expected: 'standard' or 'unlimited'.");
        RuleFor(r => r.MetadataOptions!).SetValidator(new MetadataOptionsValidator()).When(r => r.MetadataOptions is not null);
        RuleFor(r => r.PrivateIpAddress).Must(BeAnIpv4Address!).When(r => r.PrivateIpAddress is not null)
            .WithMessage(r => $"Value ({r.PrivateIpAddress}) for parameter privateIpAddress is invalid. Expected an IPv4 address.");
        RuleFor(r => r.TagSpecifications).MustTag("instance", "volume");
        Include(new LaunchNetworkValidator());
    }

    public static byte[]? DecodeUserData(string? userData)
    {
        if (userData is null)
        {
            return null;
        }
        var buffer = new byte[userData.Length];
        return Convert.TryFromBase64String(userData, buffer, out var written) ? buffer[..written] : null;
    }

    private static bool BeUserData(string userData) => DecodeUserData(userData) is { Length: <= MaxUserDataBytes };

    public static bool BeAnIpv4Address(string address) =>
        System.Net.IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && ip.ToString() == address;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
