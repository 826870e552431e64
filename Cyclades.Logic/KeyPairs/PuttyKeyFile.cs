using System.Security.Cryptography;
using System.Text;

namespace Cyclades.Logic.KeyPairs;

/// <summary>
/// Writes PuTTY private key files, format version 2 without encryption: every PuTTY since 0.52 and
/// the tools built on it (WinSCP, FileZilla) read it, where version 3 needs PuTTY 0.75.
/// </summary>
internal static class PuttyKeyFile
{
    private const int LineLength = 64;

    /// <param name="algorithm">The SSH key type, e.g. <c>ssh-rsa</c>.</param>
    /// <param name="publicBlob">The SSH public key blob.</param>
    /// <param name="privateBlob">PuTTY's private part: for RSA mpint d, p, q, iqmp; for Ed25519 the 32-byte secret as a string.</param>
    public static string Write(string algorithm, string comment, byte[] publicBlob, byte[] privateBlob)
    {
        const string encryption = "none";
        var macData = new SshWriter().String(algorithm).String(encryption).String(comment).String(publicBlob).String(privateBlob).ToArray();
        // Version 2's MAC key is SHA-1 of this text followed by the passphrase, which is empty here.
        var macKey = SHA1.HashData(Encoding.ASCII.GetBytes("putty-private-key-file-mac-key"));
        var mac = Convert.ToHexString(HMACSHA1.HashData(macKey, macData)).ToLowerInvariant();
        var text = new StringBuilder();
        text.Append("PuTTY-User-Key-File-2: ").Append(algorithm).Append('\n');
        text.Append("Encryption: ").Append(encryption).Append('\n');
        text.Append("Comment: ").Append(comment).Append('\n');
        AppendLines(text, "Public-Lines", publicBlob);
        AppendLines(text, "Private-Lines", privateBlob);
        text.Append("Private-MAC: ").Append(mac).Append('\n');
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, string header, byte[] data)
    {
        var base64 = Convert.ToBase64String(data);
        var lines = base64.Chunk(LineLength).Select(c => new string(c)).ToList();
        text.Append(header).Append(": ").Append(lines.Count).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
    }
}
