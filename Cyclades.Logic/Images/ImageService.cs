using Cyclades.Logic.Catalog;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;
using Microsoft.Extensions.Logging;

namespace Cyclades.Logic.Images;

/// <summary>
/// Users' own images: registered for an OS the cloud's images use, copied from an image the user may
/// launch, or made from one of the user's servers by a cluster export. An image is private to its
/// owner until shared with named users or made public; another user's private image does not exist
/// for the caller. Deregistering leaves servers made from an image alone.
/// </summary>
public sealed class ImageService(
    IDbConnectionFactory connections,
    ServerCommands commands,
    TimeProvider clock,
    ILogger<ImageService> logger)
{
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 255;

    /// <summary>
    /// Registers an image of an OS (with variant) that one of the cloud's images uses, with parameters
    /// among those the cloud's images of that OS pass (users choose what an operator already offers,
    /// never an OS parameter the operator did not).
    /// </summary>
    public Task<long> RegisterAsync(
        string userId, string name, string description, string osType, IReadOnlyDictionary<string, string> osParameters,
        IReadOnlyList<Tag> tags, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var offered = (await CatalogRepository.ListImagesAsync(db, cancellationToken))
                .Where(i => i is { OwnerUserId: null, Deleted: false } && i.OsType == osType).ToList();
            if (offered.Count == 0)
            {
                throw new ImageOsNotOfferedException(osType, null);
            }
            if (osParameters.Keys.FirstOrDefault(key => offered.All(i => !i.OsParameters.ContainsKey(key))) is { } unknown)
            {
                throw new ImageOsNotOfferedException(osType, unknown);
            }
            var parameters = new Dictionary<string, string>(offered[0].OsParameters, StringComparer.Ordinal);
            foreach (var (key, value) in osParameters)
            {
                parameters[key] = value;
            }
            return await InsertAsync(db, new NewImage(userId, name, description, osType, parameters, offered[0].KeyParameter), tags, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Makes an image of the user's server: the cluster exports it (a running server is stopped for the
    /// copy and started again, unless <paramref name="keepRunning"/>); pending until the export's result.
    /// </summary>
    public async Task<long> CreateFromServerAsync(
        string userId, long serverId, string name, string description, bool keepRunning, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var imageId = await commands.ExportAsync(userId, serverId, name, description, keepRunning, cancellationToken);
        if (tags.Count > 0)
        {
            await connections.WriteAsync(async db =>
            {
                await TagService.AddAsync(db, userId, [ImageResource(imageId)], tags, clock.GetUtcNow(), CancellationToken.None);
                return true;
            }, CancellationToken.None);
        }
        return imageId;
    }

    /// <summary>A copy the user owns of an image the user may launch (a copy of an image made from a server launches from the same export).</summary>
    public Task<long> CopyAsync(string userId, long sourceId, string name, string description, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var source = await ImageRepository.FindVisibleAsync(db, userId, sourceId, cancellationToken, locked: true) ?? throw new ImageNotFoundException(sourceId);
            if (source.State != ImageState.Available)
            {
                throw new ImageNotAvailableException(sourceId, source.State == ImageState.Failed);
            }
            return await InsertAsync(db, new NewImage(userId, name, description, source.OsType, source.OsParameters, source.KeyParameter)
            {
                SourceImageId = source.Id,
                SourceServerId = source.SourceServerId,
                Export = source.Export,
                MinDiskGiB = source.MinDiskGiB,
                DiskTemplate = source.DiskTemplate,
            }, tags, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Deregisters the user's image. An export no other image launches from any more is then removed
    /// from its cluster by that cluster's dispatcher (<see cref="ImageExports"/>).
    /// </summary>
    public Task DeregisterAsync(string userId, long imageId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var image = await LockOwnedAsync(db, userId, imageId, cancellationToken);
            await ImageRepository.DeregisterAsync(db, imageId, Now, cancellationToken);
            await ImageRepository.UnshareAsync(db, imageId, null, cancellationToken);
            if (image.Export is { } export && await ImageRepository.CountUsingExportAsync(db, export, imageId, cancellationToken) == 0)
            {
                logger.LogInformation("Image {ImageId} was deregistered; its export {Path} on node {Node} of backend {BackendId} will be removed",
                    imageId, export.Path, export.Node, export.BackendId);
            }
            return true;
        }, cancellationToken);

    /// <summary>Who may launch the user's image besides its owner.</summary>
    public Task<LaunchPermissions> GetLaunchPermissionsAsync(string userId, long imageId, CancellationToken cancellationToken) =>
        connections.ReadAsync(async db =>
        {
            var image = await ImageRepository.FindVisibleAsync(db, userId, imageId, cancellationToken);
            if (image?.OwnerUserId != userId)
            {
                throw new ImageNotFoundException(imageId);
            }
            return new LaunchPermissions(image.IsPublic, await ImageRepository.ListSharedWithAsync(db, imageId, cancellationToken));
        }, cancellationToken);

    /// <summary>Shares the user's image with more users or with all, or takes that back; null leaves public access as it is.</summary>
    public Task ModifyLaunchPermissionsAsync(
        string userId, long imageId, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, bool? everyone,
        CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            await LockOwnedAsync(db, userId, imageId, cancellationToken);
            await ImageRepository.ShareAsync(db, imageId, add.Where(u => u != userId).ToList(), cancellationToken);
            if (remove.Count > 0)
            {
                await ImageRepository.UnshareAsync(db, imageId, remove, cancellationToken);
            }
            if (everyone is { } isPublic)
            {
                await ImageRepository.SetPublicAsync(db, imageId, isPublic, Now, cancellationToken);
            }
            return true;
        }, cancellationToken);

    /// <summary>The image is the owner's alone again.</summary>
    public Task ResetLaunchPermissionsAsync(string userId, long imageId, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            await LockOwnedAsync(db, userId, imageId, cancellationToken);
            await ImageRepository.UnshareAsync(db, imageId, null, cancellationToken);
            await ImageRepository.SetPublicAsync(db, imageId, false, Now, cancellationToken);
            return true;
        }, cancellationToken);

    public Task SetDescriptionAsync(string userId, long imageId, string description, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            await LockOwnedAsync(db, userId, imageId, cancellationToken);
            await ImageRepository.SetDescriptionAsync(db, imageId, Truncated(description), Now, cancellationToken);
            return true;
        }, cancellationToken);

    private long Now => UnixTime.ToMicros(clock.GetUtcNow());

    private async Task<long> InsertAsync(Db db, NewImage image, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var id = await ImageRepository.InsertAsync(db, image with { Description = Truncated(image.Description) }, Now, cancellationToken);
        await TagService.AddAsync(db, image.OwnerUserId, [ImageResource(id)], tags, clock.GetUtcNow(), cancellationToken);
        return id;
    }

    /// <summary>The user's own registered image, locked; another user's image (shared or not) is not the user's to change.</summary>
    private static async Task<Image> LockOwnedAsync(Db db, string userId, long imageId, CancellationToken cancellationToken) =>
        await ImageRepository.LockOwnedAsync(db, userId, imageId, cancellationToken) ?? throw new ImageNotFoundException(imageId);

    private static TaggedResource ImageResource(long imageId) =>
        new(TaggedResourceType.Image, imageId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Truncated(string description) =>
        description.Length > MaxDescriptionLength ? description[..MaxDescriptionLength] : description;
}

/// <summary>Who may launch an image besides its owner.</summary>
/// <param name="Everyone">Every user may.</param>
/// <param name="UserIds">These users may.</param>
public sealed record LaunchPermissions(bool Everyone, IReadOnlyList<string> UserIds);
