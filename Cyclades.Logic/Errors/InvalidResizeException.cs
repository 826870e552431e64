namespace Cyclades.Logic.Errors;

public enum ResizeProblem
{
    SameFlavor,

    /// <summary>The target has the server's cpu and ram: a resize changes compute only, so nothing would change.</summary>
    SameCompute,

    /// <summary>The target flavor does not allow the server's volume type.</summary>
    VolumeType,
}

public sealed class InvalidResizeException(long serverId, ResizeProblem problem, string flavor)
    : DomainException(problem switch
    {
        ResizeProblem.SameFlavor => $"Server '{serverId}' flavor is already '{flavor}'.",
        ResizeProblem.SameCompute => $"Server '{serverId}' already has the cpu and ram of '{flavor}'.",
        _ => $"Cannot resize server '{serverId}' to '{flavor}': it does not allow the server's volume type.",
    })
{
    public long ServerId { get; } = serverId;

    public ResizeProblem Problem { get; } = problem;

    public string Flavor { get; } = flavor;
}
