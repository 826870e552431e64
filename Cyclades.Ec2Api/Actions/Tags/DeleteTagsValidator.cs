using Cyclades.Ec2Api.Actions.Common;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Tags;

public sealed class DeleteTagsValidator : AbstractValidator<DeleteTagsRequest>
{
    public DeleteTagsValidator() => RuleFor(r => r.Tags).MustBeValidTags();
}
