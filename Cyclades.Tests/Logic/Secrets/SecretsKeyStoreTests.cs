using System.Runtime.Versioning;
using Cyclades.Logic.Configuration;
using Cyclades.Logic.Secrets;
using System.Security.Cryptography;
using Cyclades.Logic;
using Cyclades.Logic.Accounts;
using Cyclades.Logic.Persistence;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Logic.Secrets;

[Category("Unit")]
public sealed class SecretsKeyStoreTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("cyclades-secrets-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_configured_key_is_used_as_given()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        var loaded = SecretsKeyStore.Load(new SecretsOptions { Key = Convert.ToBase64String(key) }, Data(), DatabaseProvider.MySql);

        Assert.That(loaded, Is.EqualTo(key));
        Assert.That(File.Exists(Path.Combine(_directory, SecretsKeyStore.FileName)), Is.False);
    }

    [Test]
    public void Without_a_configured_key_the_embedded_default_generates_one_private_file_and_reuses_it()
    {
        var first = SecretsKeyStore.Load(new SecretsOptions(), Data(), DatabaseProvider.Sqlite);
        var second = SecretsKeyStore.Load(new SecretsOptions(), Data(), DatabaseProvider.Sqlite);

        var path = Path.Combine(_directory, SecretsKeyStore.FileName);
        Assert.That(first, Has.Length.EqualTo(32));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void A_corrupt_generated_key_file_stops_start_up_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_directory, SecretsKeyStore.FileName), "not a key");

        var error = Assert.Throws<OptionsValidationException>(() => SecretsKeyStore.Load(new SecretsOptions(), Data(), DatabaseProvider.Sqlite));

        Assert.That(error!.Message, Does.Contain(SecretsKeyStore.FileName));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void A_key_file_group_or_others_can_read_stops_start_up_naming_the_file()
    {
        var path = Path.Combine(_directory, SecretsKeyStore.FileName);
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<OptionsValidationException>(() => SecretsKeyStore.Load(new SecretsOptions(), Data(), DatabaseProvider.Sqlite));

        Assert.That(error!.Failures.Single(), Does.Contain(path).And.Contain("0644").And.Contain("chmod 600"));
    }

    [Test]
    public void MySql_without_a_key_fails_validation_naming_the_setting()
    {
        var validator = new SecretsOptionsValidator(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.MySql }));

        var result = validator.Validate(null, new SecretsOptions());

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.StartWith("Cyclades:Secrets:Key is required"));
    }

    [TestCase("c2hvcnQ=")]
    [TestCase("not base64!")]
    public void A_key_that_is_not_base64_of_32_bytes_fails_validation(string key)
    {
        var validator = new SecretsOptionsValidator(Options.Create(new DatabaseOptions()));

        var result = validator.Validate(null, new SecretsOptions { Key = key });

        Assert.That(result.FailureMessage, Does.StartWith("Cyclades:Secrets:Key must be base64 of exactly 32 bytes"));
    }

    private CycladesOptions Data() => new() { DataDirectory = _directory };
}
