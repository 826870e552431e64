namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>
/// Who owns the images: the catalog's images are the cloud's own public images, so they answer to
/// the owner alias <c>amazon</c> (what scripts written for AWS ask for) and a fixed owner id. Users
/// own none (<c>--owners self</c> lists nothing).
/// </summary>
public static class ImageOwners
{
    public const string CatalogOwnerId = "000000000000";
    public const string CatalogOwnerAlias = "amazon";

    public static bool IncludesCatalog(IReadOnlyList<string> owners) =>
        owners.Count == 0 || owners.Any(o => o is CatalogOwnerAlias or CatalogOwnerId);
}
