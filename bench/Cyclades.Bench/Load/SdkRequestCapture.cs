using System.Text.RegularExpressions;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Cyclades.Bench.Fleet;
using Cyclades.Bench.Infrastructure;

namespace Cyclades.Bench.Load;

/// <summary>
/// Has the real AWSSDK.EC2 send <c>DescribeInstances(MaxResults=100)</c> to the service and records the
/// request exactly as the SDK signed it (SigV4 header auth, its signed headers, its body) and the
/// answer. Replaying that request is what an SDK user does; the service verifies the signature again
/// on every request, and it stays valid for 15 minutes.
/// </summary>
public static partial class SdkRequestCapture
{
    public const int PageSize = 100;

    public static async Task<(CapturedRequest Request, CapturedResponse Response)> DescribeInstancesAsync(
        Uri endpoint, BenchUser user, CancellationToken cancellationToken)
    {
        var recorder = new RecordingHandler();
        using var client = Ec2Clients.For(endpoint, user, new RecordingFactory(recorder));
        var answer = await client.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = PageSize }, cancellationToken);
        var request = recorder.Request ?? throw new BenchException("The SDK sent no request.");
        var response = recorder.Response ?? throw new BenchException("The SDK got no response.");
        var sdkCount = answer.Reservations?.Sum(r => r.Instances?.Count ?? 0) ?? 0;
        if (sdkCount != response.InstanceCount)
        {
            throw new BenchException($"The SDK read {sdkCount} instances from an answer holding {response.InstanceCount}.");
        }
        return (request, response);
    }

    /// <summary>The number of instances in an EC2 DescribeInstances answer.</summary>
    public static int CountInstances(string xml) => InstanceIdElement().Count(xml);

    [GeneratedRegex("<instanceId>")]
    private static partial Regex InstanceIdElement();

    private sealed class RecordingFactory(RecordingHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }

    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public CapturedRequest? Request { get; private set; }

        public CapturedResponse? Response { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)))
                .ToList();
            if (!headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
            {
                headers.Add(KeyValuePair.Create("Host", request.RequestUri!.Authority));
            }
            Request = new CapturedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body);
            var response = await base.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            Response = new CapturedResponse((int)response.StatusCode, bytes);
            var replacement = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = replacement;
            return response;
        }
    }
}

/// <summary>An answer's status and bytes.</summary>
public sealed record CapturedResponse(int Status, byte[] Body)
{
    public int InstanceCount => SdkRequestCapture.CountInstances(System.Text.Encoding.UTF8.GetString(Body));
}
