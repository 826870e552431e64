namespace Cyclades.Logic.Errors;

public enum ResizeProblem
{
    SameFlavor,
    DiskSize,
    DiskTemplate,
}

public sealed class InvalidResizeException(long serverId, ResizeProblem problem, string flavor)
    : DomainException(problem switch
    {
        ResizeProblem.SameFlavor => $"Server '{serverId}' flavor is already '{flavor}'.",
        ResizeProblem.DiskSize => $"Cannot resize server '{serverId}' to '{flavor}': the disk size would change.",
        _ => $"Cannot resize server '{serverId}' to '{flavor}': the disk template would change.",
    })
{
    public long ServerId { get; } = serverId;

    public ResizeProblem Problem { get; } = problem;

    public string Flavor { get; } = flavor;
}
