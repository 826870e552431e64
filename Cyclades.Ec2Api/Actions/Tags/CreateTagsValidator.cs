using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Tags;

public sealed class CreateTagsValidator : AbstractValidator<CreateTagsRequest>
{
    public CreateTagsValidator() => RuleFor(r => r.Tags).MustBeValidTags();
}
