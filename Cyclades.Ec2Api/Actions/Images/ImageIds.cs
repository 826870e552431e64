using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>
/// AMI ids: <c>ami-</c> and the hex of the catalog's image number, 8 digits while it fits
/// (<c>ami-00000001</c> is image 1, as configuration has always named it), else 17.
/// </summary>
public static class ImageIds
{
    public const string Prefix = "ami-";

    public static string Of(long imageId) =>
        imageId is >= 0 and <= uint.MaxValue ? Prefix + imageId.ToString("x8", CultureInfo.InvariantCulture) : Ec2Id.Format(Prefix, imageId);

    /// <summary>The image an AMI id names (-1, which none has, for a well-formed id of none).</summary>
    /// <exception cref="Ec2Exception"><c>InvalidAMIID.Malformed</c> for what is not an AMI id.</exception>
    public static long Parse(string amiId) =>
        Ec2Id.TryParse(Prefix, amiId, out var id) ? id : throw Ec2Errors.InvalidAmiIdMalformed(amiId);

    public static bool TryParse(string amiId, out long imageId) => Ec2Id.TryParse(Prefix, amiId, out imageId);

    /// <summary>How an image is named among tagged resources.</summary>
    public static TaggedResource Resource(long imageId) => new(TaggedResourceType.Image, imageId.ToString(CultureInfo.InvariantCulture));
}
