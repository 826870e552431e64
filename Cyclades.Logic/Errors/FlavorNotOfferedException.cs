namespace Cyclades.Logic.Errors;

/// <summary>The backend asked for cannot run the flavor: its cluster does not enable the flavor's disk template.</summary>
public sealed class FlavorNotOfferedException(string flavor, string backend)
    : DomainException($"Backend '{backend}' cannot run flavor {flavor}: its cluster does not enable the flavor's disk template.")
{
    public string Flavor { get; } = flavor;

    public string Backend { get; } = backend;
}
