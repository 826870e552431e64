using Cyclades.Logic.Catalog;
using Cyclades.Logic.Servers;

namespace Cyclades.Logic.Events.Operations;

/// <summary>What a finished cluster job does to its server.</summary>
internal sealed record OperationEffect
{
    public static readonly OperationEffect Nothing = new();

    public OperState? NewState { get; init; }

    public Flavor? NewFlavor { get; init; }

    /// <summary>The server no longer exists on the cluster.</summary>
    public bool Destroys { get; init; }

    /// <summary>Later events older than this one are stale (success, and the failures that change state).</summary>
    public bool AdvancesBackendTime { get; init; }

    public static OperationEffect Success(OperState? newState = null) => new() { NewState = newState, AdvancesBackendTime = true };
}
