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
            foreach (var problem in f.Problems())
            {
                yield return $"{key}:{problem}";
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
            foreach (var problem in image.Problems())
            {
                yield return $"{key}:{problem}";
            }
            if (image.Number != 0 && images.Take(i).Any(o => o.Number == image.Number))
            {
                yield return $"{key}:Id '{image.Id}' names the same image as an earlier one.";
            }
        }
    }
}
