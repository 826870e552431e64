namespace Cyclades.Logic.Tags;

/// <summary>The kinds of things a user can tag.</summary>
public enum TaggedResourceType
{
    Server,
    Image,
    KeyPair,
    Volume,
    Network,
    Subnet,
    FloatingIp,

    /// <summary>A network interface (a port).</summary>
    Port,

    SecurityGroup,

    /// <summary>A rule of a security group (stored as <c>SECURITYRULE</c>: the column holds 16 characters).</summary>
    SecurityRule,
}
