using System.Globalization;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Errors;
using Cyclades.Logic.Networks;
using Cyclades.Logic.Tags;

namespace Cyclades.Ec2Api.Actions.NetworkInterfaces;

/// <summary>
/// Network interface ids: <c>eni-</c> + 17 hex digits of the port's id. A port has at most one
/// attachment at a time, so its attachment id is <c>eni-attach-</c> + the same digits.
/// </summary>
public static class NetworkInterfaceIds
{
    public const string Prefix = "eni-";
    public const string AttachmentPrefix = "eni-attach-";

    public static string Of(long portId) => Ec2Id.Format(Prefix, portId);

    public static string AttachmentOf(long portId) => Ec2Id.Format(AttachmentPrefix, portId);

    public static bool TryParse(string id, out long portId) => Ec2Id.TryParse(Prefix, id, out portId);

    public static bool TryParseAttachment(string id, out long portId) => Ec2Id.TryParse(AttachmentPrefix, id, out portId);

    /// <exception cref="Ec2Exception"><c>InvalidNetworkInterfaceID.Malformed</c>.</exception>
    public static long Parse(string id) => TryParse(id, out var portId) ? portId : throw Ec2Errors.InvalidNetworkInterfaceIdMalformed(id);

    /// <summary>How an interface is named among tagged resources.</summary>
    public static TaggedResource Resource(long portId) => PortCommands.ResourceOf(portId);

    public static string Key(long portId) => portId.ToString(CultureInfo.InvariantCulture);
}
