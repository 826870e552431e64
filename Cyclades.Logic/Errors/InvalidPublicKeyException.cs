namespace Cyclades.Logic.Errors;

/// <summary>An imported public key is not an OpenSSH RSA or Ed25519 public key.</summary>
public sealed class InvalidPublicKeyException(string reason)
    : DomainException($"Not a valid OpenSSH public key: {reason}.")
{
    public string Reason { get; } = reason;
}
