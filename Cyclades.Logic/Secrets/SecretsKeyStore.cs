using System.Security.Cryptography;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Secrets;

/// <summary>
/// Where the secrets key comes from: <c>Cyclades:Secrets:Key</c>, or (embedded default only) a key
/// generated once into <c>{Cyclades:DataDirectory}/secrets.key</c>, readable by its owner alone.
/// </summary>
public static class SecretsKeyStore
{
    public const string FileName = "secrets.key";

    public static byte[] Load(SecretsOptions secrets, CycladesOptions cyclades, DatabaseProvider provider)
    {
        if (secrets.TryDecodeKey() is { } configured)
        {
            return configured;
        }
        if (!string.IsNullOrWhiteSpace(secrets.Key) || provider != DatabaseProvider.Sqlite)
        {
            throw Invalid($"{SecretsOptions.KeySetting} must be set to base64 of 32 random bytes.");
        }

        var path = Path.GetFullPath(Path.Combine(cyclades.DataDirectory, FileName));
        PrivateFiles.EnsureDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return Create(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            return Read(path);
        }
    }

    private static byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using (var writer = new StreamWriter(new FileStream(path, PrivateFiles.CreateNew(FileAccess.Write))))
        {
            writer.WriteLine(Convert.ToBase64String(key));
        }
        return key;
    }

    private static byte[] Read(string path)
    {
        if (PrivateFiles.IsExposed(path))
        {
            throw Invalid($"{path} (the generated {SecretsOptions.KeySetting}) is accessible to group or others (mode {PrivateFiles.Octal(path)}); chmod 600 it.");
        }
        // Another process may have created the file a moment ago and still be writing it.
        var text = File.ReadAllText(path).Trim();
        for (var attempt = 0; text.Length == 0 && attempt < 20; attempt++)
        {
            Thread.Sleep(50);
            text = File.ReadAllText(path).Trim();
        }
        return new SecretsOptions { Key = text }.TryDecodeKey()
            ?? throw Invalid($"{path} (the generated {SecretsOptions.KeySetting}) does not hold base64 of 32 bytes; restore it or remove it together with the database.");
    }

    private static OptionsValidationException Invalid(string message) =>
        new(SecretsOptions.Section, typeof(SecretsOptions), [message]);
}
