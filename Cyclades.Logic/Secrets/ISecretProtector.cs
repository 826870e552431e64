namespace Cyclades.Logic.Secrets;

/// <summary>Encrypts secrets kept at rest (cluster passwords) and decrypts them for use.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> if the value was not protected with this key.</summary>
    string Unprotect(string protectedValue);
}
