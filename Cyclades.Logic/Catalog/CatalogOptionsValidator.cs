using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Catalog;

internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var failures = FlavorFailures(options.Flavors).Concat(ImageFailures(options.Images)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> FlavorFailures(IReadOnlyList<FlavorDefinition> flavors)
    {
        for (var i = 0; i < flavors.Count; i++)
        {
            var f = flavors[i];
            var key = $"{CatalogOptions.FlavorsSection}:{i}";
            if (string.IsNullOrWhiteSpace(f.Name) || f.Name.Length > 64)
            {
                yield return $"{key}:Name must be 1-64 characters.";
            }
            if (f.Cpu < 1)
            {
                yield return $"{key}:Cpu must be ≥ 1 (got {f.Cpu}).";
            }
            if (f.RamMiB < 1)
            {
                yield return $"{key}:RamMiB must be ≥ 1 (got {f.RamMiB}).";
            }
            if (f.DiskGiB < 0)
            {
                yield return $"{key}:DiskGiB must be ≥ 0 (got {f.DiskGiB}).";
            }
            if (string.IsNullOrWhiteSpace(f.DiskTemplate))
            {
                yield return $"{key}:DiskTemplate is required.";
            }
            if (flavors.Take(i).FirstOrDefault(o => o.Name == f.Name) is not null)
            {
                yield return $"{key}:Name '{f.Name}' is used by an earlier flavor.";
            }
            // A cluster-side resize is recorded by looking the flavor up by its specs.
            if (flavors.Take(i).FirstOrDefault(o => (o.Cpu, o.RamMiB, o.DiskGiB, o.DiskTemplate) == (f.Cpu, f.RamMiB, f.DiskGiB, f.DiskTemplate)) is { } same)
            {
                yield return $"{key} has the same cpu, RAM, disk and disk template as '{same.Name}'.";
            }
        }
    }

    private static IEnumerable<string> ImageFailures(IReadOnlyList<ImageDefinition> images)
    {
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var key = $"{CatalogOptions.ImagesSection}:{i}";
            if (string.IsNullOrWhiteSpace(image.Id) || image.Id.Length > 64)
            {
                yield return $"{key}:Id must be 1-64 characters.";
            }
            if (string.IsNullOrWhiteSpace(image.Name))
            {
                yield return $"{key}:Name is required.";
            }
            if (string.IsNullOrWhiteSpace(image.Os))
            {
                yield return $"{key}:Os is required (the cluster OS with variant, e.g. noop+default).";
            }
            if (images.Take(i).Any(o => o.Id == image.Id))
            {
                yield return $"{key}:Id '{image.Id}' is used by an earlier image.";
            }
        }
    }
}
