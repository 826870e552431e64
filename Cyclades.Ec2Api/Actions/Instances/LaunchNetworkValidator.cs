using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>
/// AWS's rules for RunInstances' network members (reference §4.3): <c>NetworkInterface.N</c> excludes
/// the instance-level subnet, private address and groups; each entry has a unique device index; an
/// existing interface's id excludes what describes a new one; one instance only with a fixed address.
/// </summary>
public sealed class LaunchNetworkValidator : AbstractValidator<RunInstancesRequest>
{
    private const string Combination = Ec2ValidationCodes.InvalidParameterCombination;

    private static readonly (Func<NetworkInterfaceParameter, bool> Given, string What)[] NewInterfaceMembers =
    [
        (e => e.SubnetId is not null, "a subnet"),
        (e => e.PrimaryPrivateIp is not null, "a private IP address"),
        (e => e.Groups.Count > 0, "security groups"),
        (e => e.DeleteOnTermination == true, "delete on termination as true"),
    ];

    public LaunchNetworkValidator()
    {
        When(r => r.NetworkInterfaces.Count > 0, () =>
        {
            RuleFor(r => r.SubnetId).Null().WithErrorCode(Combination)
                .WithMessage("Network interfaces and an instance-level subnet ID may not be specified on the same request");
            RuleFor(r => r.PrivateIpAddress).Null().WithErrorCode(Combination)
                .WithMessage("Network interfaces and an instance-level private IP address may not be specified on the same request");
            RuleFor(r => r.SecurityGroupIds.Count + r.SecurityGroups.Count).Equal(0).WithErrorCode(Combination)
                .WithMessage("Network interfaces and an instance-level security groups may not be specified on the same request");
            RuleForEach(r => r.NetworkInterfaces).Must(e => e.DeviceIndex is not null)
                .WithMessage("Each network interface requires a device index.");
            RuleFor(r => r.NetworkInterfaces).Must(e => e.Select(i => i.DeviceIndex).Distinct().Count() == e.Count)
                .WithMessage("Each network interface requires a unique device index.");
            foreach (var (given, what) in NewInterfaceMembers)
            {
                RuleForEach(r => r.NetworkInterfaces).Must(e => e.NetworkInterfaceId is null || !given(e)).WithErrorCode(Combination)
                    .WithMessage($"A network interface may not specify both a network interface ID and {what}");
            }
            RuleForEach(r => r.NetworkInterfaces).Must(e => e.AssociatePublicIpAddress is null || e.DeviceIndex == 0).WithErrorCode(Combination)
                .WithMessage("The associatePublicIPAddress parameter can only be specified for the network interface with DeviceIndex 0.");
            RuleFor(r => r.NetworkInterfaces).Must(e => e.Count == 1 || e.All(i => i.AssociatePublicIpAddress is null)).WithErrorCode(Combination)
                .WithMessage("The associatePublicIPAddress parameter cannot be specified when launching with multiple network interfaces.");
            RuleForEach(r => r.NetworkInterfaces).Must(e => e.PrimaryPrivateIp is not { } ip || RunInstancesValidator.BeAnIpv4Address(ip))
                .WithMessage((_, e) => $"Value ({e.PrimaryPrivateIp}) for parameter privateIpAddress is invalid. Expected an IPv4 address.");
        });
        RuleFor(r => r.MaxCount).Equal(1).When(r => r.PrivateIpAddress is not null
                || r.NetworkInterfaces.Any(e => e.NetworkInterfaceId is not null || e.PrimaryPrivateIp is not null))
            .WithErrorCode(Combination)
            .WithMessage("Multiple instances creation is not compatible with private IP address or network interface ID parameters.");
    }
}
