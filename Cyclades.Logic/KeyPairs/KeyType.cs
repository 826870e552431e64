namespace Cyclades.Logic.KeyPairs;

public enum KeyType
{
    Rsa,
    Ed25519,
}
