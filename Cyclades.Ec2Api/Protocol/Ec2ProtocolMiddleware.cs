using System.Globalization;
using System.Text;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Ec2Api.Metrics;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Sts;
using Cyclades.Logic.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// The EC2 Query protocol in front of MVC: assigns the request id, reads the body within the size
/// limit, parses the parameters, authenticates SigV4, checks <c>Action</c> and <c>Version</c>, and
/// answers every failure — a client's or our own — as EC2 XML.
/// </summary>
public sealed partial class Ec2ProtocolMiddleware(
    RequestDelegate next,
    SigV4Verifier verifier,
    Ec2ActionCatalog actions,
    IOptions<Ec2ApiOptions> options,
    Ec2RequestMetrics metrics,
    Ec2ReadGate reads,
    TimeProvider time,
    ILogger<Ec2ProtocolMiddleware> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public async Task InvokeAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.TraceIdentifier = requestId;
        http.Response.OnStarting(() => AddStandardHeaders(http.Response, requestId));
        var scope = new Ec2LogScope(requestId);
        using var _ = logger.BeginScope(scope);
        var started = time.GetTimestamp();
        Ec2Error? failure = null;
        try
        {
            var context = await AcceptAsync(http, requestId, scope);
            http.Features.Set(context);
            if (StsProtocol.IsStsVersion(context.Version))
            {
                await GetCallerIdentity.AnswerAsync(http.Response, context.Action, context.Caller, requestId);
                return;
            }
            using (await reads.EnterAsync(context.Action, http.RequestAborted))
            {
                await next(http);
            }
            if (http.GetEndpoint() is null && !http.Response.HasStarted)
            {
                throw Ec2Errors.InvalidAction(context.Action);
            }
        }
        catch (Ec2Exception e) when (!http.Response.HasStarted)
        {
            failure = e.Error;
            await Ec2ErrorRenderer.WriteAsync(http.Response, failure, requestId);
        }
        catch (DomainException e) when (!http.Response.HasStarted && DomainErrorMap.Map(e, http.Features.Get<Ec2RequestContext>()?.Action) is { } mapped)
        {
            failure = mapped.Error;
            await Ec2ErrorRenderer.WriteAsync(http.Response, failure, requestId);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            LogAborted(logger);
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            LogUnexpected(logger, e);
            failure = Ec2Errors.InternalError().Error;
            await Ec2ErrorRenderer.WriteAsync(http.Response, failure, requestId);
        }
        var elapsed = time.GetElapsedTime(started);
        LogCompleted(logger, http.Response.StatusCode, failure?.Code, elapsed.TotalMilliseconds);
        metrics.Record(scope.Get("Action") as string, http.Response.StatusCode, failure?.Code, elapsed);
    }

    private async Task<Ec2RequestContext> AcceptAsync(HttpContext http, string requestId, Ec2LogScope scope)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsGet(request.Method))
        {
            throw Ec2Errors.MethodNotAllowed(request.Method);
        }
        var body = await RequestBodyReader.ReadAsync(request, options.Value.MaxRequestBodyBytes, http.RequestAborted);
        var (rawPath, rawQuery) = RawTarget(http);
        var query = FormDecoder.Decode(rawQuery);
        var pairs = query.Where(p => !SigV4QueryParameters.All.Contains(p.Key)).ToList();
        if (body.Length > 0)
        {
            pairs.AddRange(FormDecoder.Decode(FormBody(request, body)));
        }
        // The action asked for, before authentication: failed requests are logged and counted by it too.
        if (pairs.FirstOrDefault(p => p.Key == "Action").Value is { Length: > 0 } claimed)
        {
            scope.Set("Action", claimed);
        }

        // STS's one action shares the endpoint (tools send every client to it), signed for its own service.
        var sts = StsProtocol.IsStsVersion(pairs.FirstOrDefault(p => p.Key == "Version").Value);
        var caller = await verifier.VerifyAsync(new SigV4Request(request.Method, rawPath, rawQuery, request.Headers, body), query, http.RequestAborted,
            sts ? StsProtocol.Service : SigV4Verifier.Ec2Service);
        scope.Set("User", caller.UserName);
        scope.Set("AccessKeyId", caller.AccessKeyId);
        RejectCharactersXmlCannotCarry(pairs);

        var action = SingleValue(pairs, "Action");
        if (string.IsNullOrEmpty(action))
        {
            throw Ec2Errors.MissingAction();
        }
        scope.Set("Action", action);
        var version = SingleValue(pairs, "Version");
        if (version is null)
        {
            throw Ec2Errors.MissingParameter("Version");
        }
        if (sts)
        {
            return new Ec2RequestContext(requestId, action, version, new Ec2Parameters([]), caller);
        }
        if (!Ec2Versions.IsAccepted(version))
        {
            throw Ec2Errors.NoSuchVersion(version);
        }
        if (!actions.IsImplemented(action))
        {
            throw Ec2OperationNames.IsEc2Operation(action)
                ? Ec2Errors.UnsupportedOperation($"The action {action} is not supported by this endpoint.")
                : Ec2Errors.InvalidAction(action);
        }
        var parameters = new Ec2Parameters(pairs.Where(p => p.Key is not ("Action" or "Version")));
        return new Ec2RequestContext(requestId, action, version, parameters, caller);
    }

    private static (string RawPath, string RawQuery) RawTarget(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return ((http.Request.PathBase + http.Request.Path).ToUriComponent(), http.Request.QueryString.Value?.TrimStart('?') ?? "");
        }
        var question = target.IndexOf('?');
        return question < 0 ? (target, "") : (target[..question], target[(question + 1)..]);
    }

    private static string FormBody(HttpRequest request, byte[] body)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw Ec2Errors.UnsupportedMediaType(request.ContentType ?? "(none)");
        }
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw Ec2Errors.MalformedQueryString("The request body is not valid UTF-8.");
        }
    }

    /// <summary>
    /// Every parameter passes here once: a character XML cannot carry, once stored, would break every
    /// answer that shows it, so it is refused as AWS refuses it.
    /// </summary>
    private static void RejectCharactersXmlCannotCarry(List<KeyValuePair<string, string>> pairs)
    {
        foreach (var (name, value) in pairs)
        {
            foreach (var text in (string[])[name, value])
            {
                if (XmlCharacters.IndexOfInvalid(text) is var at and >= 0)
                {
                    throw Ec2Errors.InvalidParameterValue(name, value,
                        $"It contains the character U+{(int)text[at]:X4}, which is not allowed.");
                }
            }
        }
    }

    private static string? SingleValue(List<KeyValuePair<string, string>> pairs, string name)
    {
        var values = pairs.Where(p => p.Key == name).Select(p => p.Value).Distinct().ToList();
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw Ec2Errors.InvalidParameterValue($"The parameter {name} must be given only once."),
        };
    }

    private Task AddStandardHeaders(HttpResponse response, string requestId)
    {
        response.Headers["x-amzn-RequestId"] = requestId;
        response.Headers.Date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-cache, no-store";
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EC2 request answered {Status} {ErrorCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, int status, string? errorCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "EC2 request failed unexpectedly; answered InternalError")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "EC2 request aborted by the client")]
    private static partial void LogAborted(ILogger logger);
}
