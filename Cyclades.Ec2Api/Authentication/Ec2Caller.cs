using System.Globalization;

namespace Cyclades.Ec2Api.Authentication;

/// <summary>The authenticated user of a request.</summary>
public sealed record Ec2Caller(long UserId, string UserName, string AccessKeyId)
{
    /// <summary>EC2's <c>ownerId</c>: the user id as a 12-digit, zero-padded account number.</summary>
    public string OwnerId => OwnerIdOf(UserId);

    public static string OwnerIdOf(long userId) => userId.ToString("D12", CultureInfo.InvariantCulture);
}
