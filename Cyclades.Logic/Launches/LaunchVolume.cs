namespace Cyclades.Logic.Launches;

/// <summary>A volume a launch gives each server: its root (<see cref="LaunchRequest.Root"/>) or an extra blank one.</summary>
/// <param name="SizeGiB">Null for the root: the image's and flavor's default. Required for an extra volume.</param>
/// <param name="VolumeType">Null: the root's type (for the root: the flavor's default).</param>
/// <param name="DeviceName">The name the user gave the device, reported back as given.</param>
public sealed record LaunchVolume(int? SizeGiB = null, string? VolumeType = null, bool DeleteOnTermination = true, string? DeviceName = null);
