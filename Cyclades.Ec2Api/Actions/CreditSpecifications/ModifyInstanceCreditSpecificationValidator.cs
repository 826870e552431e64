using Cyclades.Ec2Api.Mvc.Validation;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.CreditSpecifications;

public sealed class ModifyInstanceCreditSpecificationValidator : AbstractValidator<ModifyInstanceCreditSpecificationRequest>
{
    public ModifyInstanceCreditSpecificationValidator()
    {
        RuleFor(r => r.InstanceCreditSpecifications).NotEmpty()
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("InstanceCreditSpecification");
        RuleFor(r => r.InstanceCreditSpecifications).Must(all => all.All(s => !string.IsNullOrEmpty(s.InstanceId)))
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("InstanceCreditSpecification.N.InstanceId");
        RuleFor(r => r.InstanceCreditSpecifications).Must(all => all.All(s => !string.IsNullOrEmpty(s.CpuCredits)))
            .WithErrorCode(Ec2ValidationCodes.MissingParameter).OverridePropertyName("InstanceCreditSpecification.N.CpuCredits");
        RuleForEach(r => r.InstanceCreditSpecifications).Must(s => CpuCredits.Known.Contains(s.CpuCredits!))
            .When(r => r.InstanceCreditSpecifications.All(s => !string.IsNullOrEmpty(s.CpuCredits)))
            .WithMessage((_, s) => $"Value ({s.CpuCredits}) for parameter cpuCredits is invalid. Valid values: {CpuCredits.Standard}, {CpuCredits.Unlimited}");
    }
}
