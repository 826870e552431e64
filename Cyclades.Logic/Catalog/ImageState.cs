namespace Cyclades.Logic.Catalog;

/// <summary>An image made from a server is pending until the cluster's export of it finishes.</summary>
public enum ImageState
{
    Pending,
    Available,
    Failed,
}
