using System.Data.Common;
using System.Globalization;
using System.Text;
using Cyclades.Logic.Errors;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Tags;

namespace Cyclades.Logic.KeyPairs;

/// <summary>
/// Users' SSH key pairs, by name (unique per user). A generated private key is returned once and
/// never stored; the public key goes to the servers launched with the key pair.
/// </summary>
public sealed class KeyPairService(IDbConnectionFactory connections, TimeProvider clock)
{
    public const int MaxNameLength = 255;

    /// <exception cref="KeyPairExistsException">The user has a key pair of this name.</exception>
    public async Task<CreatedKeyPair> CreateAsync(
        string userId, string name, KeyType type, PrivateKeyFormat format, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var key = SshKeys.Generate(type, format, name);
        var keyPair = await InsertAsync(userId, name, type, key.Fingerprint, SshKeys.OpenSshLine(type, key.PublicBlob, name), tags, cancellationToken);
        return new CreatedKeyPair(keyPair, key.PrivateKey);
    }

    /// <param name="publicKey">An RSA or Ed25519 public key: an OpenSSH line, an RFC 4716 SSH2 key, PEM or DER (PKCS#1 or SubjectPublicKeyInfo), or base64 of one of these.</param>
    /// <exception cref="InvalidPublicKeyException">Not such a key.</exception>
    /// <exception cref="KeyPairExistsException">The user has a key pair of this name.</exception>
    public Task<KeyPair> ImportAsync(string userId, string name, byte[] publicKey, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        var key = SshKeys.Parse(publicKey);
        return InsertAsync(userId, name, key.Type, key.Fingerprint, SshKeys.OpenSshLine(key.Type, key.PublicBlob, name), tags, cancellationToken);
    }

    /// <inheritdoc cref="ImportAsync(string, string, byte[], IReadOnlyList{Tag}, CancellationToken)"/>
    public Task<KeyPair> ImportAsync(string userId, string name, string publicKey, IReadOnlyList<Tag> tags, CancellationToken cancellationToken) =>
        ImportAsync(userId, name, Encoding.UTF8.GetBytes(publicKey), tags, cancellationToken);

    public Task<IReadOnlyList<KeyPair>> ListAsync(string userId, CancellationToken cancellationToken) =>
        connections.ReadAsync(db => KeyPairRepository.ListAsync(db, userId, cancellationToken), cancellationToken);

    /// <exception cref="KeyPairNotFoundException">The user has no key pair of this name.</exception>
    public async Task<KeyPair> GetAsync(string userId, string name, CancellationToken cancellationToken) =>
        await connections.ReadAsync(db => KeyPairRepository.FindAsync(db, userId, name, cancellationToken), cancellationToken)
        ?? throw new KeyPairNotFoundException(name);

    /// <summary>Deletes the user's key pair with this name or id, and its tags; null if there is none.</summary>
    public Task<KeyPair?> DeleteAsync(string userId, string? name, long? id, CancellationToken cancellationToken) =>
        connections.WriteAsync(async db =>
        {
            var keyPair = id is { } keyId
                ? await KeyPairRepository.GetAsync(db, userId, keyId, cancellationToken)
                : await KeyPairRepository.FindAsync(db, userId, name ?? throw new ArgumentNullException(nameof(name)), cancellationToken);
            if (keyPair is null || (name is not null && keyPair.Name != name))
            {
                return null;
            }
            await KeyPairRepository.DeleteAsync(db, keyPair.Id, cancellationToken);
            await TagRepository.DeleteAsync(db, userId, [ResourceOf(keyPair.Id)], null, cancellationToken);
            return keyPair;
        }, cancellationToken);

    /// <summary>How a key pair is named among tagged resources.</summary>
    public static TaggedResource ResourceOf(long keyPairId) =>
        new(TaggedResourceType.KeyPair, keyPairId.ToString(CultureInfo.InvariantCulture));

    private Task<KeyPair> InsertAsync(string userId, string name, KeyType type, string fingerprint, string publicKey, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A key pair name must be 1 to {MaxNameLength} characters.", nameof(name));
        }
        return connections.WriteAsync(async db =>
        {
            var now = clock.GetUtcNow();
            KeyPair keyPair;
            try
            {
                keyPair = await KeyPairRepository.InsertAsync(db, userId, name, type, fingerprint, publicKey, UnixTime.ToMicros(now), cancellationToken);
            }
            catch (DbException e) when (DuplicateKey.IsViolation(e))
            {
                throw new KeyPairExistsException(name);
            }
            await TagService.AddAsync(db, userId, [ResourceOf(keyPair.Id)], tags, now, cancellationToken);
            return keyPair;
        }, cancellationToken);
    }
}
