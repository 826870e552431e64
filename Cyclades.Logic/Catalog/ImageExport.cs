namespace Cyclades.Logic.Catalog;

/// <summary>Where a cluster keeps the export an image made from a server launches from.</summary>
/// <param name="BackendId">The cluster: servers from this image are placed there only.</param>
/// <param name="Node">The node the export lies on.</param>
/// <param name="Path">The export's directory on that node.</param>
public sealed record ImageExport(long BackendId, string Node, string Path);
