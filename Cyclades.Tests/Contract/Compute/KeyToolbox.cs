using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// ssh-keygen, openssl and puttygen in a scratch directory: the real tools make the keys in every
/// format and compute the fingerprints the endpoint must show.
/// </summary>
public sealed class KeyToolbox : IDisposable
{
    private static readonly string[] Tools = ["ssh-keygen", "openssl", "puttygen", "base64"];

    public KeyToolbox()
    {
        foreach (var tool in Tools.Where(t => ExternalProcess.Which(t) is null))
        {
            RequiredService.Unavailable(tool, $"{tool} is not on PATH (Debian: openssh-client, openssl, putty-tools, coreutils)");
        }
        Directory = System.IO.Directory.CreateTempSubdirectory("cyclades-keys-").FullName;
    }

    public string Directory { get; }

    /// <summary>Runs a shell script in the scratch directory; fails the test on a non-zero exit.</summary>
    public async Task<string> ShAsync(string script)
    {
        var result = await ExternalProcess.RunAsync("/bin/sh", ["-c", "set -e; " + script], workingDirectory: Directory);
        Assert.That(result.ExitCode, Is.Zero, $"{script}\n{result}");
        return result.Stdout.Trim();
    }

    public Task WriteAsync(string file, string content) => File.WriteAllTextAsync(Path.Combine(Directory, file), content);

    public Task<byte[]> ReadAsync(string file) => File.ReadAllBytesAsync(Path.Combine(Directory, file));

    /// <summary>AWS's fingerprint of an imported RSA key: MD5 of its DER SubjectPublicKeyInfo, as openssl prints it.</summary>
    public async Task<string> RsaImportFingerprintAsync(string openSshPublicKeyFile) =>
        After("= ", await ShAsync($"ssh-keygen -e -m PKCS8 -f {openSshPublicKeyFile} | openssl pkey -pubin -outform DER | openssl md5 -c"));

    /// <summary>AWS's fingerprint of a created RSA key: SHA-1 of its PKCS#8 private key DER, as openssl prints it.</summary>
    public async Task<string> RsaCreateFingerprintAsync(string pemPrivateKeyFile) =>
        After("= ", await ShAsync($"openssl pkcs8 -topk8 -nocrypt -in {pemPrivateKeyFile} -outform DER | openssl sha1 -c"));

    /// <summary>An Ed25519 key's fingerprint: ssh-keygen's base64 SHA-256 (<c>SHA256:…</c>), with the base64 padding EC2 keeps.</summary>
    public async Task<string> Ed25519FingerprintAsync(string openSshPublicKeyFile) =>
        After("SHA256:", await ShAsync($"ssh-keygen -l -f {openSshPublicKeyFile}")).Split(' ')[0] + "=";

    /// <summary>The base64 key blob of an OpenSSH public key line (its second field).</summary>
    public static string Blob(string openSshLine) => openSshLine.Split(' ')[1];

    private static string After(string marker, string text) => text[(text.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
