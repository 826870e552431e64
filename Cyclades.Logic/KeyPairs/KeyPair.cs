namespace Cyclades.Logic.KeyPairs;

/// <summary>A user's SSH key pair: only its public part is kept.</summary>
/// <param name="PublicKey">One OpenSSH line, <c>ssh-ed25519 AAAA… name</c>: what servers launched with it receive.</param>
/// <param name="Fingerprint">
/// As EC2 shows it: for a generated RSA key the SHA-1 of its PKCS#8 private key, for an imported RSA key
/// the MD5 of its DER public key (colon-separated hex); for Ed25519 the base64 SHA-256 of the public key.
/// </param>
public sealed record KeyPair(long Id, string UserId, string Name, KeyType Type, string Fingerprint, string PublicKey, DateTimeOffset CreatedAt);

/// <param name="PrivateKey">PEM or PuTTY (<see cref="PrivateKeyFormat"/>); handed out once, never stored.</param>
public sealed record CreatedKeyPair(KeyPair KeyPair, string PrivateKey);
