namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>The image attributes this endpoint describes, modifies and resets.</summary>
public static class ImageAttributes
{
    public const string LaunchPermission = "launchPermission";
    public const string Description = "description";
    public const string BlockDeviceMapping = "blockDeviceMapping";
    public const string ProductCodes = "productCodes";

    public static readonly IReadOnlyList<string> Described = [LaunchPermission, Description, BlockDeviceMapping, ProductCodes];

    /// <summary>The one launch-permission group: every account.</summary>
    public const string GroupAll = "all";
}
