using System.Globalization;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Logic.Catalog;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>
/// Who owns the images: the catalog's images are the cloud's own public images, so they answer to
/// the owner alias <c>amazon</c> (what scripts written for AWS ask for) and a fixed owner id. A user's
/// images are owned by the user's account id (<see cref="Ec2Caller.OwnerId"/>); <c>self</c> names the caller's.
/// </summary>
public static class ImageOwners
{
    public const string CatalogOwnerId = "000000000000";
    public const string CatalogOwnerAlias = "amazon";
    public const string Self = "self";

    /// <summary>The owner id EC2 shows for an image.</summary>
    public static string OwnerIdOf(Image image) =>
        image.OwnerUserId is { } owner ? Ec2Caller.OwnerIdOf(long.Parse(owner, CultureInfo.InvariantCulture)) : CatalogOwnerId;

    /// <summary>The logic user an account id (12 digits) names; false for anything else.</summary>
    public static bool TryParseAccount(string accountId, out string userId)
    {
        userId = "";
        if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit) || accountId == CatalogOwnerId)
        {
            return false;
        }
        userId = long.Parse(accountId, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Whether the image is one of the owners named (none named: every image).</summary>
    public static bool Matches(Image image, IReadOnlyList<string> owners, Ec2Caller caller) =>
        owners.Count == 0 || owners.Any(owner => owner switch
        {
            CatalogOwnerAlias or CatalogOwnerId => image.OwnerUserId is null,
            Self => image.OwnerUserId == caller.UserId.ToString(CultureInfo.InvariantCulture),
            _ => TryParseAccount(owner, out var userId) && image.OwnerUserId == userId,
        });
}
