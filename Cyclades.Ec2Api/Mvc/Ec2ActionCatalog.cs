using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Cyclades.Ec2Api.Mvc;

/// <summary>The EC2 actions some controller implements (those carrying <see cref="Ec2ActionAttribute"/>).</summary>
public sealed class Ec2ActionCatalog(IActionDescriptorCollectionProvider descriptors)
{
    private (int Version, IReadOnlySet<string> Names) _cache = (-1, new HashSet<string>());

    public IReadOnlySet<string> Names
    {
        get
        {
            var collection = descriptors.ActionDescriptors;
            var cache = _cache;
            if (cache.Version != collection.Version)
            {
                var names = collection.Items
                    .SelectMany(d => d.EndpointMetadata.OfType<Ec2ActionAttribute>())
                    .Select(a => a.Name)
                    .ToHashSet(StringComparer.Ordinal);
                _cache = cache = (collection.Version, names);
            }
            return cache.Names;
        }
    }

    public bool IsImplemented(string action) => Names.Contains(action);
}
