using Cyclades.Logic.Networks;
using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.SecurityGroups;

/// <summary>A new port's groups, checked and stored as <see cref="SecurityGroupService.SetPortGroupsAsync"/> does; attached to no server yet, it has no firewall to push.</summary>
internal sealed class PortGroupAssignment : IPortGroupAssignment
{
    public Task AssignAsync(Db db, string userId, long portId, IReadOnlyList<long> groupIds, CancellationToken cancellationToken) =>
        SecurityGroupService.ReplacePortGroupsAsync(db, userId, portId, groupIds, cancellationToken);
}
