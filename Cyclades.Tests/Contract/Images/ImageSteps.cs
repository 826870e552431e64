using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Tests.Dispatch.Support;

namespace Cyclades.Tests.Contract.Images;

/// <summary>Image steps the image contract tests share.</summary>
public static class ImageSteps
{
    public static string UniqueName(string prefix = "img") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static async Task<Image?> FindImageAsync(this IAmazonEC2 client, string imageId) =>
        (await client.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] })).Images.SingleOrDefault();

    /// <summary>Waits until the image leaves <c>pending</c>; returns it.</summary>
    public static async Task<Image> SettledImageAsync(this IAmazonEC2 client, string imageId)
    {
        Image? image = null;
        await Eventually.HoldsAsync(async () => (image = await client.FindImageAsync(imageId))?.State.Value != "pending",
            () => $"image {imageId} settled (now {image?.State.Value})", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        return image!;
    }

    public static async Task<string> RegisterNoopAsync(this IAmazonEC2 client, string? name = null) =>
        (await client.RegisterImageAsync(new RegisterImageRequest
        {
            Name = name ?? UniqueName(),
            ImageLocation = "noop+default:img_id=mine",
            Architecture = ArchitectureValues.X86_64,
            VirtualizationType = "hvm",
        })).ImageId;
}
