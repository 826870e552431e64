using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;
using Polly.Timeout;

namespace Cyclades.Ganeti.Rapi;

/// <summary>
/// The one way requests reach a RAPI: <see cref="SendAsync{TResponse}"/> sends JSON, reads JSON,
/// and turns every failure into a <see cref="GanetiException"/>. The HTTP pipeline under it (see
/// <see cref="RapiHttpPipeline"/>) adds authentication, TLS checks, timeouts and GET retries; its
/// last handler is either the network or the simulated cluster.
/// </summary>
public sealed class RapiConnection : IDisposable
{
    private readonly HttpClient _http;

    public RapiConnection(RapiClientSettings settings, HttpMessageHandler? transport = null)
    {
        Settings = settings;
        _http = new HttpClient(RapiHttpPipeline.Create(settings, transport), disposeHandler: true)
        {
            BaseAddress = settings.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Cyclades-Ganeti", "1.0"));
        if (settings.User is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }
    }

    public RapiClientSettings Settings { get; }

    internal Task<TResponse?> SendAsync<TResponse>(
        HttpMethod method, string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) =>
        SendAsync(method, path, content: null, responseType, cancellationToken);

    internal Task<TResponse?> SendAsync<TBody, TResponse>(
        HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return SendAsync(method, path, content, responseType, cancellationToken);
    }

    private async Task<TResponse?> SendAsync<TResponse>(
        HttpMethod method, string path, HttpContent? content, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var what = $"{method} {Settings.BaseAddress.GetLeftPart(UriPartial.Authority)}{path}";
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw HttpError(response.StatusCode, body, what);
            }
            return Deserialize(body, responseType, what);
        }
        catch (TimeoutRejectedException e)
        {
            throw new GanetiUnreachableException($"{what}: no answer within {Settings.RequestTimeout.TotalSeconds:0.###} s", timedOut: true, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GanetiUnreachableException($"{what}: timed out ({e.Message})", timedOut: true, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new GanetiUnreachableException($"{what}: {e.Message}", timedOut: false, e);
        }
    }

    private static TResponse? Deserialize<TResponse>(byte[] body, JsonTypeInfo<TResponse> responseType, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(body, responseType);
        }
        catch (JsonException e)
        {
            throw new GanetiProtocolException($"{what}: unexpected answer ({e.Message}): {Excerpt(body)}", e);
        }
    }

    private static GanetiHttpException HttpError(HttpStatusCode status, byte[] body, string what)
    {
        var (message, explanation) = ErrorText(body);
        message = $"{what}: HTTP {(int)status}: {message ?? status.ToString()}";
        return (int)status switch
        {
            404 => new GanetiNotFoundException(message, explanation),
            401 or 403 => new GanetiAuthenticationException(status, message, explanation),
            >= 400 and < 500 => new GanetiRequestRejectedException(status, message, explanation),
            _ => new GanetiServerErrorException(status, message, explanation),
        };
    }

    /// <summary>Ganeti's <c>{"code", "message", "explain"}</c>, HTML-unescaped; or the raw text of another body.</summary>
    private static (string? Message, string? Explanation) ErrorText(byte[] body)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, RapiJsonContext.Default.RapiErrorBody);
            if (error?.Message is not null)
            {
                return (WebUtility.HtmlDecode(error.Message), WebUtility.HtmlDecode(error.Explain));
            }
        }
        catch (JsonException)
        {
            // not Ganeti's error shape (a proxy's page, say): report the text itself
        }
        return (body.Length == 0 ? null : Excerpt(body), null);
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return body.Length > 300 ? text + "…" : text;
    }

    public void Dispose() => _http.Dispose();
}
