using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>The catalog's images as AMIs, in id order, with the caller's own tags on them.</summary>
public sealed class ImagesController(CatalogService catalog, TagService tags, PageTokens tokens) : Ec2Controller
{
    public const string Prefix = "ami-";
    private const int MaxPageSize = 1000;

    [Ec2Action("DescribeImages")]
    [HandlesDryRun]
    public async Task<DescribeImagesResponse> DescribeImages(DescribeImagesRequest request, CancellationToken cancellationToken)
    {
        if (request.ImageIds.FirstOrDefault(id => !id.StartsWith(Prefix, StringComparison.Ordinal)) is { } malformed)
        {
            throw Ec2Errors.InvalidAmiIdMalformed(malformed);
        }
        var images = (await catalog.ListImagesAsync(includeDeleted: false, cancellationToken)).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (request.ImageIds.FirstOrDefault(id => images.All(i => i.Id != id)) is { } unknown)
        {
            throw Ec2Errors.InvalidAmiIdNotFound(unknown);
        }
        DryRunGate.ThrowIfDryRun(request);

        var userTags = await tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.Image, images.Select(i => i.Id).ToList(), cancellationToken);
        var binding = new { Caller.UserId, request.ImageIds, request.Owners, request.Filters };
        var after = request.NextToken is null ? null : tokens.ReadJson<string>(binding, request.NextToken);
        var items = images
            .Where(i => ImageOwners.IncludesCatalog(request.Owners))
            .Where(i => request.ImageIds.Count == 0 || request.ImageIds.Contains(i.Id))
            .Where(i => after is null || string.CompareOrdinal(i.Id, after) > 0)
            .Select(i => ImageItem.From(i, userTags[i.Id]));
        var matching = TagFilters.Apply(ImageFilters.Set, items, request.Filters, i => i.Tags).ToList();
        var page = matching.Take(PagingRules.PageSize(request.MaxResults, MaxPageSize)).ToList();
        return new DescribeImagesResponse
        {
            Images = page,
            NextToken = page.Count < matching.Count ? tokens.IssueJson(binding, page[^1].ImageId) : null,
        };
    }
}
