namespace Cyclades.Logic.Servers;

public enum RebootKind
{
    /// <summary>Ask the guest to shut down, waiting the cluster's default timeout.</summary>
    Soft,

    /// <summary>Power-cycle at once.</summary>
    Hard,
}
