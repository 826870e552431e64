namespace Cyclades.Ec2Api.Sts;

/// <summary>
/// The one STS action this endpoint answers: tools send every client to the same URL (Ansible's
/// <c>ec2_security_group</c> asks STS for the account id there), so a request with STS's version is
/// answered as STS would, signed for the service <c>sts</c>.
/// </summary>
public static class StsProtocol
{
    public const string Version = "2011-06-15";
    public const string Service = "sts";
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static bool IsStsVersion(string? version) => version == Version;
}
