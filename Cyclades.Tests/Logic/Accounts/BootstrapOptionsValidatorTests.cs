using Cyclades.Logic.Accounts;

namespace Cyclades.Tests.Logic.Accounts;

[Category("Unit")]
public sealed class BootstrapOptionsValidatorTests
{
    [Test]
    public void Each_bad_entry_is_reported_with_its_configuration_key()
    {
        var options = new BootstrapOptions
        {
            Users =
            {
                ["0"] = new BootstrapUser { Name = "alice", AccessKeyId = "AKIDALICE", SecretAccessKey = "secret" },
                ["1"] = new BootstrapUser { Name = "bad name", AccessKeyId = "AKIDBOB", SecretAccessKey = "secret" },
                ["2"] = new BootstrapUser { Name = "carol", AccessKeyId = "AKIDALICE", SecretAccessKey = "s" },
            },
        };

        var result = new BootstrapOptionsValidator().Validate(null, options);

        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "Cyclades:Bootstrap:Users:1:Name must be 1 to 64 letters, digits or +=,.@_- (got 'bad name').",
            "Cyclades:Bootstrap:Users:2:AccessKeyId 'AKIDALICE' is already given to user 'alice'.",
            "Cyclades:Bootstrap:Users:2:SecretAccessKey must be 6 to 128 printable ASCII characters without spaces.",
        }));
    }
}
