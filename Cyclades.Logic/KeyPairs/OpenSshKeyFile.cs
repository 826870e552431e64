using System.Security.Cryptography;
using System.Text;

namespace Cyclades.Logic.KeyPairs;

/// <summary>
/// Writes an unencrypted Ed25519 private key in OpenSSH's own format (<c>openssh-key-v1</c>, OpenSSH's
/// PROTOCOL.key), the one <c>ssh-keygen</c> writes for Ed25519 keys and the only PEM form ssh reads for them.
/// </summary>
internal static class OpenSshKeyFile
{
    private const int BlockSize = 8;

    /// <param name="seed">The 32-byte private key.</param>
    /// <param name="publicKey">The 32-byte public key.</param>
    public static string WriteEd25519(byte[] seed, byte[] publicKey, string comment)
    {
        var publicBlob = new SshWriter().String("ssh-ed25519").String(publicKey).ToArray();
        var check = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        var section = new SshWriter().UInt32(check).UInt32(check)
            .String("ssh-ed25519").String(publicKey).String([.. seed, .. publicKey]).String(comment);
        for (byte pad = 1; section.Length % BlockSize != 0; pad++)
        {
            section.Raw([pad]);
        }
        var file = new SshWriter().Raw(Encoding.ASCII.GetBytes("openssh-key-v1\0"))
            .String("none").String("none").String([]).UInt32(1)
            .String(publicBlob).String(section.ToArray()).ToArray();
        return PemEncoding.WriteString("OPENSSH PRIVATE KEY", file) + "\n";
    }
}
