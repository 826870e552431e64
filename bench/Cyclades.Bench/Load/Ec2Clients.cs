using Amazon.EC2;
using Amazon.Runtime;
using Cyclades.Bench.Fleet;

namespace Cyclades.Bench.Load;

public static class Ec2Clients
{
    /// <summary>The signing region: the SDKs' usual default; the service answers for its own whatever the client signs for (and moto serves this one).</summary>
    public const string Region = "us-east-1";

    /// <summary>An AWSSDK.EC2 client as an application would configure one, without retries (a failure must show).</summary>
    public static AmazonEC2Client For(Uri endpoint, BenchUser user, HttpClientFactory? http = null)
    {
        var config = new AmazonEC2Config
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = Region,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (http is not null)
        {
            config.HttpClientFactory = http;
        }
        return new AmazonEC2Client(new BasicAWSCredentials(user.AccessKeyId, user.SecretAccessKey), config);
    }
}
