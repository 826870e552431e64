using Cyclades.Ec2Api.Errors;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Ec2Api.Mvc.Validation;

/// <summary>
/// Runs the FluentValidation validator of each bound <see cref="Ec2Request"/> before the action; the
/// first failure becomes the EC2 error. Every request type must have a validator (an empty one is fine),
/// so forgetting one is caught at the first request rather than silently skipped.
/// </summary>
public sealed class Ec2ValidationFilter : IAsyncActionFilter, IOrderedFilter
{
    public int Order => Ec2FilterOrder.Validation;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values.OfType<Ec2Request>())
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            var validator = (IValidator?)context.HttpContext.RequestServices.GetService(validatorType)
                ?? throw new InvalidOperationException($"No validator is registered for {argument.GetType().Name}.");
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                throw ToEc2Exception(result.Errors[0]);
            }
        }
        await next();
    }

    /// <summary>
    /// A failure carrying an EC2 code (<c>.WithErrorCode(Ec2ValidationCodes.MissingParameter)</c>) keeps it;
    /// FluentValidation's own codes (<c>NotEmptyValidator</c>, …) mean <c>InvalidParameterValue</c>.
    /// </summary>
    public static Ec2Exception ToEc2Exception(FluentValidation.Results.ValidationFailure failure) =>
        failure.ErrorCode switch
        {
            Ec2ValidationCodes.MissingParameter => Ec2Errors.MissingParameter(failure.PropertyName),
            Ec2ValidationCodes.InvalidParameterCombination => Ec2Errors.InvalidParameterCombination(failure.ErrorMessage),
            Ec2ValidationCodes.UnsupportedOperation => Ec2Errors.UnsupportedOperation(failure.ErrorMessage),
            _ => Ec2Errors.InvalidParameterValue(failure.ErrorMessage),
        };
}

/// <summary>EC2 codes a validator rule may give with <c>WithErrorCode</c> (default: InvalidParameterValue).</summary>
public static class Ec2ValidationCodes
{
    /// <summary>The rule's property name (set it with <c>OverridePropertyName</c> to the wire name) is reported missing.</summary>
    public const string MissingParameter = "MissingParameter";
    public const string InvalidParameterCombination = "InvalidParameterCombination";

    /// <summary>A request AWS would serve that this endpoint does not offer.</summary>
    public const string UnsupportedOperation = "UnsupportedOperation";
}
