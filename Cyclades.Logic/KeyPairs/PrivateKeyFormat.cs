namespace Cyclades.Logic.KeyPairs;

/// <summary>How a generated private key is handed out.</summary>
public enum PrivateKeyFormat
{
    /// <summary>PEM: PKCS#1 for RSA, the OpenSSH private key format for Ed25519 (what ssh reads).</summary>
    Pem,

    /// <summary>A PuTTY private key file (<c>.ppk</c>, version 2, unencrypted).</summary>
    Ppk,
}
