using Amazon.EC2;
using Amazon.Runtime;
using Cyclades.Soak.Nodes;

namespace Cyclades.Soak.Fleet;

/// <summary>
/// AWSSDK.EC2 clients as an application configures them — standard retry mode, 4 retries — one per
/// user and node; every HTTP answer they get is counted (5xx included, retries too).
/// </summary>
public sealed class SoakClients(IReadOnlyList<ApiNode> nodes, Figures figures) : IDisposable
{
    private readonly Dictionary<(string User, int Node), AmazonEC2Client> _clients = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// A client of a node chosen at random among those running, as a load balancer with health checks
    /// would: calls in flight when a node is killed fail (and the SDK retries them), later ones go elsewhere.
    /// </summary>
    public (AmazonEC2Client Client, ApiNode Node) Any(SoakUser user, Random random)
    {
        var up = nodes.Where(n => n.IsUp).ToList();
        var node = up.Count > 0 ? up[random.Next(up.Count)] : nodes[random.Next(nodes.Count)];
        lock (_gate)
        {
            if (!_clients.TryGetValue((user.Name, node.Index), out var client))
            {
                client = new AmazonEC2Client(new BasicAWSCredentials(user.AccessKeyId, user.SecretAccessKey), new AmazonEC2Config
                {
                    ServiceURL = node.Endpoint.ToString(),
                    AuthenticationRegion = "us-east-1",
                    RetryMode = RequestRetryMode.Standard,
                    MaxErrorRetry = 4,
                    Timeout = TimeSpan.FromSeconds(60),
                    HttpClientFactory = new CountingFactory(figures),
                });
                _clients[(user.Name, node.Index)] = client;
            }
            return (client, node);
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private sealed class CountingFactory(Figures figures) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CountingHandler(figures));
    }

    private sealed class CountingHandler(Figures figures) : DelegatingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                figures.Answered((int)response.StatusCode);
                return response;
            }
            catch (HttpRequestException)
            {
                figures.Unreachable();
                throw;
            }
        }
    }
}
