using System.Globalization;
using Cyclades.Ec2Api.Authentication;

namespace Cyclades.Ec2Api.Actions.Common;

public static class CallerExtensions
{
    /// <summary>The user's id as the logic core's owner of servers, quotas, tags and key pairs.</summary>
    public static string LogicUserId(this Ec2Caller caller) => caller.UserId.ToString(CultureInfo.InvariantCulture);
}
