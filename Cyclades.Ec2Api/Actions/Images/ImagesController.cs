using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.InstanceAttributes;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Logic.Catalog;
using Cyclades.Logic.Images;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>
/// The images the caller may see as AMIs, in id order, with the caller's own tags on them: the cloud's,
/// the caller's own, public ones and those shared with the caller. Another user's private image is
/// <c>InvalidAMIID.NotFound</c>, as one that never was.
/// </summary>
public sealed class ImagesController(CatalogService catalog, ImageService images, TagService tags, PageTokens tokens) : Ec2Controller
{
    private const int MaxPageSize = 1000;

    [Ec2Action("DescribeImages")]
    [HandlesDryRun]
    public async Task<DescribeImagesResponse> DescribeImages(DescribeImagesRequest request, CancellationToken cancellationToken)
    {
        var asked = request.ImageIds.Select(id => (Text: id, Id: ImageIds.Parse(id))).ToList();
        var visible = (await catalog.ListImagesForAsync(Caller.LogicUserId(), cancellationToken)).OrderBy(i => i.Id).ToList();
        var missing = asked.Where(a => visible.All(i => i.Id != a.Id)).ToList();
        // The caller's own deregistered image is described as nothing, as AWS does (ec2_ami waits for that), not as unknown.
        var deregistered = await catalog.ListDeregisteredOwnAsync(Caller.LogicUserId(), missing.Select(a => a.Id).ToList(), cancellationToken);
        if (missing.FirstOrDefault(a => !deregistered.Contains(a.Id)) is { Text: { } unknown })
        {
            throw Ec2Errors.InvalidAmiIdNotFound(unknown);
        }
        DryRunGate.ThrowIfDryRun(request);

        var executable = await ExecutableByAsync(visible, request.ExecutableBy, cancellationToken);
        var userTags = await tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.Image, visible.Select(i => ImageIds.Resource(i.Id).Id).ToList(), cancellationToken);
        var binding = new { Caller.UserId, request.ImageIds, request.Owners, request.ExecutableBy, request.Filters };
        var after = request.NextToken is null ? (long?)null : tokens.ReadJson<long>(binding, request.NextToken);
        var items = visible
            .Where(i => ImageOwners.Matches(i, request.Owners, Caller) && executable(i))
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

    [Ec2Action("CreateImage")]
    public async Task<CreateImageResponse> CreateImage(CreateImageRequest request, CancellationToken cancellationToken)
    {
        var serverId = InstanceIds.ParseAll([request.InstanceId])[0];
        var imageId = await images.CreateFromServerAsync(Caller.LogicUserId(), serverId, ImageNameRules.EnsureValidName(request.Name),
            ImageNameRules.EnsureValidDescription(request.Description), request.NoReboot, TagRules.TagsOf(request.TagSpecifications, "image"), cancellationToken);
        return new CreateImageResponse { ImageId = ImageIds.Of(imageId) };
    }

    [Ec2Action("RegisterImage")]
    public async Task<RegisterImageResponse> RegisterImage(RegisterImageRequest request, CancellationToken cancellationToken)
    {
        var (os, parameters) = ImageLocations.Parse(request.ImageLocation!);
        var imageId = await images.RegisterAsync(Caller.LogicUserId(), ImageNameRules.EnsureValidName(request.Name),
            ImageNameRules.EnsureValidDescription(request.Description), os, parameters, TagRules.TagsOf(request.TagSpecifications), cancellationToken);
        return new RegisterImageResponse { ImageId = ImageIds.Of(imageId) };
    }

    [Ec2Action("CopyImage")]
    public async Task<CopyImageResponse> CopyImage(CopyImageRequest request, CancellationToken cancellationToken)
    {
        var sourceId = ImageIds.Parse(request.SourceImageId);
        var imageTags = TagRules.TagsOf(request.TagSpecifications);
        if (request.CopyImageTags)
        {
            var sourceTags = await tags.ListForAsync(Caller.LogicUserId(), TaggedResourceType.Image, [ImageIds.Resource(sourceId).Id], cancellationToken);
            imageTags = sourceTags[ImageIds.Resource(sourceId).Id].Where(t => imageTags.All(o => o.Key != t.Key)).Concat(imageTags).ToList();
        }
        var imageId = await images.CopyAsync(Caller.LogicUserId(), sourceId, ImageNameRules.EnsureValidName(request.Name),
            ImageNameRules.EnsureValidDescription(request.Description), imageTags, cancellationToken);
        return new CopyImageResponse { ImageId = ImageIds.Of(imageId) };
    }

    [Ec2Action("DeregisterImage")]
    public async Task<Ec2ReturnResponse> DeregisterImage(DeregisterImageRequest request, CancellationToken cancellationToken)
    {
        await images.DeregisterAsync(Caller.LogicUserId(), ImageIds.Parse(request.ImageId), cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("DescribeImageAttribute")]
    public async Task<DescribeImageAttributeResponse> DescribeImageAttribute(DescribeImageAttributeRequest request, CancellationToken cancellationToken)
    {
        var id = ImageIds.Parse(request.ImageId);
        var image = await catalog.FindImageForAsync(Caller.LogicUserId(), id, cancellationToken) ?? throw Ec2Errors.InvalidAmiIdNotFound(request.ImageId);
        return request.Attribute switch
        {
            ImageAttributes.LaunchPermission => new DescribeImageAttributeResponse
            {
                ImageId = request.ImageId,
                LaunchPermissions = LaunchPermissionItems(await images.GetLaunchPermissionsAsync(Caller.LogicUserId(), id, cancellationToken)),
            },
            ImageAttributes.Description => new DescribeImageAttributeResponse { ImageId = request.ImageId, Description = new AttributeValueItem { Value = image.Description } },
            // No marketplace here: no image carries product codes.
            ImageAttributes.ProductCodes => new DescribeImageAttributeResponse { ImageId = request.ImageId, ProductCodes = [] },
            _ => new DescribeImageAttributeResponse { ImageId = request.ImageId, BlockDeviceMappings = ImageBlockDeviceMappingItem.Of(image) },
        };
    }

    [Ec2Action("ModifyImageAttribute")]
    public async Task<Ec2ReturnResponse> ModifyImageAttribute(ModifyImageAttributeRequest request, CancellationToken cancellationToken)
    {
        var id = ImageIds.Parse(request.ImageId);
        var description = request.Description?.Value ?? (request.Attribute == ImageAttributes.Description ? request.Value : null);
        if (description is not null)
        {
            await images.SetDescriptionAsync(Caller.LogicUserId(), id, ImageNameRules.EnsureValidDescription(description), cancellationToken);
            return new Ec2ReturnResponse();
        }
        var change = LaunchPermissionChange.Of(request) ?? throw Ec2Errors.MissingParameter("LaunchPermission");
        await images.ModifyLaunchPermissionsAsync(Caller.LogicUserId(), id, change.AddUsers, change.RemoveUsers, change.Everyone, cancellationToken);
        return new Ec2ReturnResponse();
    }

    [Ec2Action("ResetImageAttribute")]
    public async Task<Ec2ReturnResponse> ResetImageAttribute(ResetImageAttributeRequest request, CancellationToken cancellationToken)
    {
        await images.ResetLaunchPermissionsAsync(Caller.LogicUserId(), ImageIds.Parse(request.ImageId), cancellationToken);
        return new Ec2ReturnResponse();
    }

    private static List<LaunchPermissionItem> LaunchPermissionItems(LaunchPermissions permissions) =>
    [
        .. permissions.Everyone ? [new LaunchPermissionItem { Group = ImageAttributes.GroupAll }] : Array.Empty<LaunchPermissionItem>(),
        .. permissions.UserIds.Select(u => new LaunchPermissionItem { UserId = Authentication.Ec2Caller.OwnerIdOf(long.Parse(u, System.Globalization.CultureInfo.InvariantCulture)) }),
    ];

    /// <summary>
    /// <c>ExecutableBy</c>: <c>all</c> = public images; <c>self</c> (or the caller's account) = images the caller
    /// owns or that are shared with the caller by name; another account = the caller's images shared with it.
    /// </summary>
    private async Task<Func<Image, bool>> ExecutableByAsync(IReadOnlyList<Image> visible, IReadOnlyList<string> executableBy, CancellationToken cancellationToken)
    {
        if (executableBy.Count == 0)
        {
            return _ => true;
        }
        var me = Caller.LogicUserId();
        var others = executableBy.Where(e => ImageOwners.TryParseAccount(e, out var u) && u != me)
            .Select(e => ImageOwners.TryParseAccount(e, out var u) ? u : "").ToHashSet(StringComparer.Ordinal);
        var sharedWithOthers = new HashSet<long>();
        if (others.Count > 0)
        {
            foreach (var own in visible.Where(i => i.OwnerUserId == me))
            {
                if ((await images.GetLaunchPermissionsAsync(me, own.Id, cancellationToken)).UserIds.Any(others.Contains))
                {
                    sharedWithOthers.Add(own.Id);
                }
            }
        }
        var self = executableBy.Any(e => e == ImageOwners.Self || e == Caller.OwnerId);
        var all = executableBy.Contains(ImageAttributes.GroupAll);
        return image => (all && image.IsEveryones)
            || (self && image.OwnerUserId is { } owner && (owner == me || !image.IsPublic))
            || sharedWithOthers.Contains(image.Id);
    }
}
