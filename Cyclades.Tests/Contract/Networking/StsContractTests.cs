using System.Globalization;
using System.Text.Json;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Infrastructure;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>
/// STS's GetCallerIdentity at the EC2 endpoint, as Ansible's modules and <c>aws sts get-caller-identity
/// --endpoint-url</c> call it: signed for the service <c>sts</c>, answered in STS's shape.
/// </summary>
public sealed class StsContractTests(DatabaseProvider provider) : ComputeFixture(provider)
{
    [Test]
    public async Task Boto3s_sts_client_gets_the_callers_account_user_and_arn()
    {
        var alice = await Host.Boto3Async(TestUser.Alice, "get_caller_identity", service: "sts");
        var bob = await Host.Boto3Async(TestUser.Bob, "get_caller_identity", service: "sts");

        var account = AccountOf(await Host.LogicUserIdAsync(TestUser.Alice));
        Assert.That(alice.GetProperty("Account").GetString(), Is.EqualTo(account).And.Match("^[0-9]{12}$"));
        Assert.That(alice.GetProperty("UserId").GetString(), Is.EqualTo(account));
        Assert.That(alice.GetProperty("Arn").GetString(), Is.EqualTo($"arn:aws:iam::{account}:user/alice"));
        Assert.That(bob.GetProperty("Account").GetString(), Is.EqualTo(AccountOf(await Host.LogicUserIdAsync(TestUser.Bob))));
    }

    [Test]
    public async Task The_account_is_the_owner_id_ec2_shows()
    {
        var identity = await Host.Boto3Async(TestUser.Alice, "get_caller_identity", service: "sts");
        var reservation = await Alice.RunAsync();

        Assert.That(reservation.OwnerId, Is.EqualTo(identity.GetProperty("Account").GetString()));
    }

    [Test]
    public async Task Other_sts_actions_are_invalid_and_a_bad_signature_is_refused()
    {
        var other = await Host.Boto3ErrorAsync(TestUser.Alice, "get_session_token", service: "sts");
        var wrongSecret = await Host.Boto3ErrorAsync(TestUser.Alice.WithWrongSecret(), "get_caller_identity", service: "sts");

        Assert.That((other.Code, other.Status), Is.EqualTo(("InvalidAction", 400)));
        Assert.That((wrongSecret.Code, wrongSecret.Status), Is.EqualTo(("SignatureDoesNotMatch", 403)));
    }

    [Test]
    public async Task Aws_cli_v2_get_caller_identity_at_the_endpoint()
    {
        var result = await AwsCli.V2.RunAsync(Host.Endpoint, TestUser.Bob, "sts", "get-caller-identity");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var identity = JsonDocument.Parse(result.Stdout).RootElement;
        var account = AccountOf(await Host.LogicUserIdAsync(TestUser.Bob));
        Assert.That(identity.GetProperty("Account").GetString(), Is.EqualTo(account));
        Assert.That(identity.GetProperty("Arn").GetString(), Is.EqualTo($"arn:aws:iam::{account}:user/bob"));
    }

    private static string AccountOf(string logicUserId) => long.Parse(logicUserId, CultureInfo.InvariantCulture).ToString("D12", CultureInfo.InvariantCulture);
}
