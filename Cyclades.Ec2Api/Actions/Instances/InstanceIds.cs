using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Servers;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>Instance ids (<c>i-</c>, a server) and reservation ids (<c>r-</c>, a launch).</summary>
public static class InstanceIds
{
    public const string Prefix = "i-";
    public const string ReservationPrefix = "r-";

    public static string Of(long serverId) => Ec2Id.Format(Prefix, serverId);

    public static string ReservationOf(Server server) => Ec2Id.Format(ReservationPrefix, server.LaunchId ?? server.Id);

    public static bool TryParse(string instanceId, out long serverId) => Ec2Id.TryParse(Prefix, instanceId, out serverId);

    /// <exception cref="Ec2Exception"><c>InvalidInstanceID.Malformed</c> for the first id that is not one.</exception>
    public static IReadOnlyList<long> ParseAll(IReadOnlyList<string> instanceIds) =>
        instanceIds.Select(id => TryParse(id, out var serverId) ? serverId : throw Ec2Errors.InvalidInstanceIdMalformed(id)).ToList();

    /// <summary>How an instance is named among tagged resources.</summary>
    public static TaggedResource Resource(long serverId) =>
        new(TaggedResourceType.Server, serverId.ToString(CultureInfo.InvariantCulture));
}
