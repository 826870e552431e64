using Cyclades.Ec2Api.Filtering;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.Images;

public sealed class DescribeImagesRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("ImageId")]
    public IReadOnlyList<string> ImageIds { get; init; } = [];

    [Ec2Parameter("Owner")]
    public IReadOnlyList<string> Owners { get; init; } = [];

    [Ec2Parameter("ExecutableBy")]
    public IReadOnlyList<string> ExecutableBy { get; init; } = [];

    [Ec2Parameter("Filter", MaxItems = 50)]
    public IReadOnlyList<Filter> Filters { get; init; } = [];

    [Ec2Parameter("IncludeDeprecated")]
    public bool IncludeDeprecated { get; init; }

    [Ec2Parameter("IncludeDisabled")]
    public bool IncludeDisabled { get; init; }

    [Ec2Parameter("MaxResults")]
    public int? MaxResults { get; init; }

    [Ec2Parameter("NextToken", MaxLength = 1024)]
    public string? NextToken { get; init; }

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
