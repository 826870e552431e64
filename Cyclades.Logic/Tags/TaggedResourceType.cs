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
}
