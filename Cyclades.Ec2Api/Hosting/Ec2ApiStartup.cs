using Cyclades.Logic.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Hosting;

/// <summary>
/// Start-up work before requests are served (after the logic core's migrations): the account bootstrap.
/// A demo key made for an empty database is printed once, with how to use it, when the server listens.
/// </summary>
public sealed class Ec2ApiStartup(
    AccountBootstrapper bootstrapper,
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<Ec2ApiOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = await bootstrapper.RunAsync(cancellationToken);
        if (demo is not null)
        {
            lifetime.ApplicationStarted.Register(() => PrintDemoCredentials(demo));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void PrintDemoCredentials(AccessKeyCredentials demo)
    {
        var endpoint = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:8773";
        var region = options.Value.Region;
        // Written to the console directly, once: the secret must never go through the logs.
        Console.Out.WriteLine($"""

            Created user '{demo.UserName}' with an access key (the secret is shown only this once):
              AWS_ACCESS_KEY_ID={demo.AccessKeyId}
              AWS_SECRET_ACCESS_KEY={demo.SecretAccessKey}
            Use it with the AWS CLI:
              aws configure set aws_access_key_id {demo.AccessKeyId} --profile cyclades
              aws configure set aws_secret_access_key {demo.SecretAccessKey} --profile cyclades
              aws configure set region {region} --profile cyclades
              aws --profile cyclades --endpoint-url {endpoint} ec2 describe-regions

            """);
        Console.Out.Flush();
    }
}
