using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Networks;

/// <summary>
/// Makes a port being made a member of security groups, in the transaction that makes it, so that a port whose groups
/// are refused is never made. Security groups build on networks, so they implement it.
/// </summary>
public interface IPortGroupAssignment
{
    /// <param name="groupIds">1 or more of the user's groups, on the port's network.</param>
    /// <exception cref="Errors.DomainException">A group is not the user's, is on another network, or there are too many.</exception>
    Task AssignAsync(Db db, string userId, long portId, IReadOnlyList<long> groupIds, CancellationToken cancellationToken);
}
