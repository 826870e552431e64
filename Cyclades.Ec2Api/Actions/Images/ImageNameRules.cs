using System.Buffers;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Images;

namespace Cyclades.Ec2Api.Actions.Images;

/// <summary>AWS's rules for AMI names (3–128 of letters, digits and <c>()[] ./-'@_</c>) and descriptions (at most 255 characters).</summary>
public static class ImageNameRules
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()[] ./-'@_");

    /// <exception cref="Ec2Exception"><c>InvalidAMIName.Malformed</c>.</exception>
    public static string EnsureValidName(string name) =>
        name.Length is >= 3 and <= ImageService.MaxNameLength && !name.AsSpan().ContainsAnyExcept(Allowed)
            ? name
            : throw Ec2Errors.InvalidAmiNameMalformed(name);

    /// <exception cref="Ec2Exception"><c>InvalidParameterValue</c> for a description over 255 characters.</exception>
    public static string EnsureValidDescription(string? description) =>
        description is { Length: > ImageService.MaxDescriptionLength }
            ? throw Ec2Errors.InvalidParameterValue("description", description[..32] + "…", $"It must be at most {ImageService.MaxDescriptionLength} characters long.")
            : description ?? "";
}
