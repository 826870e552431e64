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
    private const int MaxPageSize = 1000;

    [Ec2Action("DescribeImages")]
    [HandlesDryRun]
    public async Task<DescribeImagesResponse> DescribeImages(DescribeImagesRequest request, CancellationToken cancellationToken)
    {
        var asked = request.ImageIds.Select(id => (Text: id, Id: ImageIds.Parse(id))).ToList();
        var images = (await catalog.ListImagesAsync(includeDeleted: false, cancellationToken)).OrderBy(i => i.Id).ToList();
        if (asked.FirstOrDefault(a => images.All(i => i.Id != a.Id)) is { Text: { } unknown })
        {
            throw Ec2Errors.InvalidAmiIdNotFound(unknown);
        }
        DryRunGate.ThrowIfDryRun(request);

        var userTags = await tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.Image, images.Select(i => ImageIds.Resource(i.Id).Id).ToList(), cancellationToken);
        var binding = new { Caller.UserId, request.ImageIds, request.Owners, request.Filters };
        var after = request.NextToken is null ? (long?)null : tokens.ReadJson<long>(binding, request.NextToken);
        var items = images
            .Where(i => ImageOwners.IncludesCatalog(request.Owners))
            .Where(i => asked.Count == 0 || asked.Any(a => a.Id == i.Id))
            .Where(i => after is null || i.Id > after)
            .Select(i => ImageItem.From(i, userTags[ImageIds.Resource(i.Id).Id]));
        var matching = TagFilters.Apply(ImageFilters.Set, items, request.Filters, i => i.Tags).ToList();
        var page = matching.Take(PagingRules.PageSize(request.MaxResults, MaxPageSize)).ToList();
        return new DescribeImagesResponse
        {
            Images = page,
            NextToken = page.Count < matching.Count ? tokens.IssueJson(binding, ImageIds.Parse(page[^1].ImageId)) : null,
        };
    }
}
