using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// The handlers under <see cref="RapiConnection"/>: a resilience handler (retries of GETs only, with
/// exponential backoff and jitter; a timeout per attempt) over the transport — the network with the
/// configured TLS checks, or a given handler such as the simulated cluster.
/// </summary>
internal static class RapiHttpPipeline
{
    public static HttpMessageHandler Create(RapiClientSettings settings, HttpMessageHandler? transport) =>
        new ResilienceHandler(BuildResilience(settings)) { InnerHandler = transport ?? CreateNetworkTransport(settings) };

    private static ResiliencePipeline<HttpResponseMessage> BuildResilience(RapiClientSettings settings)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (settings.MaxGetRetries > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxGetRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                ShouldHandle = arguments => ValueTask.FromResult(IsWorthRetrying(arguments.Outcome)),
            };
            // A POST/PUT/DELETE that timed out may have created a job: sending it again could run it twice.
            retry.DisableForUnsafeHttpMethods();
            builder.AddRetry(retry);
        }
        return builder.AddTimeout(settings.RequestTimeout).Build();
    }

    /// <summary>
    /// Connection failures, timeouts, and the 5xx that mean "try later" (502: luxid protocol error,
    /// 503, 504: luxid timeout). Not 500: Ganeti answers it for deterministic failures (a wait on an
    /// unknown job: "Can't load job file").
    /// </summary>
    private static bool IsWorthRetrying(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or Polly.Timeout.TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };

    private static SocketsHttpHandler CreateNetworkTransport(RapiClientSettings settings) => new()
    {
        ConnectTimeout = settings.ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        SslOptions = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.None, // the system's choice (TLS 1.2/1.3)
            RemoteCertificateValidationCallback = RapiCertificateValidation.Create(settings),
        },
    };
}
