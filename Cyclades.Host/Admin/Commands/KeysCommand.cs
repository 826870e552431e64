using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Logic.Accounts;

namespace Cyclades.Host.Admin.Commands;

/// <summary><c>manage keys create|list|revoke</c>: access keys (the secret is shown once, at creation).</summary>
public static class KeysCommand
{
    public static Command Create(AdminSession session)
    {
        var user = new Argument<string>("user") { Description = "The user's name." };
        var create = new Command("create", "Create an access key for a user and print its secret, this once.") { user };
        session.Handle(create, async (parse, output, ct) =>
        {
            var key = await session.Get<IAccountService>().CreateAccessKeyAsync(parse.GetRequiredValue(user), ct);
            output.Message(
                $"""
                Access key for user '{key.UserName}' (the secret is shown only this once):
                  AWS_ACCESS_KEY_ID={key.AccessKeyId}
                  AWS_SECRET_ACCESS_KEY={key.SecretAccessKey}
                """,
                new { user = key.UserName, accessKeyId = key.AccessKeyId, secretAccessKey = key.SecretAccessKey });
            return 0;
        });

        var owner = new Argument<string>("user") { Description = "The user's name." };
        var list = new Command("list", "List a user's access keys (never their secrets).") { owner };
        session.Handle(list, async (parse, output, ct) =>
        {
            var name = parse.GetRequiredValue(owner);
            output.Table(
                await session.Get<IAccountService>().ListAccessKeysAsync(name, ct),
                new Column<AccessKey>("Id", k => k.Id),
                new Column<AccessKey>("User", _ => name),
                new Column<AccessKey>("Active", k => k.IsActive),
                new Column<AccessKey>("Created", k => k.CreatedAt),
                new Column<AccessKey>("Revoked", k => k.RevokedAt));
            return 0;
        });

        var id = new Argument<string>("access-key-id") { Description = "The key to revoke, e.g. AKIA…" };
        var revoke = new Command("revoke", "Revoke an access key: requests signed with it fail from now on.") { id };
        session.Handle(revoke, async (parse, output, ct) =>
        {
            var keyId = parse.GetRequiredValue(id);
            await session.Get<IAccountService>().RevokeAccessKeyAsync(keyId, ct);
            output.Message($"Revoked access key {keyId}.", new { accessKeyId = keyId, active = false });
            return 0;
        });

        return new Command("keys", "Access keys: what the AWS CLI and SDKs sign requests with.") { create, list, revoke };
    }
}
