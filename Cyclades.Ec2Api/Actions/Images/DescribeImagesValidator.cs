using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Filtering;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class DescribeImagesValidator : AbstractValidator<DescribeImagesRequest>
{
    public DescribeImagesValidator()
    {
        RuleFor(r => r.Filters).MustBeKnownFilters(TagFilters.KnownWith(ImageFilters.Set));
        RuleFor(r => r.MaxResults).MustNotComeWith(r => r.ImageIds.Count > 0, "imagesSet").MustBeAPageSize();
    }
}
