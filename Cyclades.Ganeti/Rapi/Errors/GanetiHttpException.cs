using System.Net;
using System.Text.RegularExpressions;

namespace Cyclades.Ganeti.Rapi.Errors;

/// <summary>
/// The RAPI answered with an HTTP error. <see cref="Exception.Message"/> is Ganeti's message with
/// its HTML escaping undone (Ganeti HTML-escapes them, e.g. <c>&amp;#x27;</c>).
/// </summary>
public abstract partial class GanetiHttpException(HttpStatusCode statusCode, string message, string? explanation)
    : GanetiException(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Ganeti's <c>explain</c> text, e.g. "Bad request syntax or unsupported method".</summary>
    public string? Explanation { get; } = explanation;

    /// <summary>
    /// The Ganeti error code of a 400 about an opcode parameter
    /// (<c>Invalid body parameters: ("…", 'wrong_input')</c>), if the message carries one.
    /// </summary>
    public string? ErrorCode => TrailingErrorCode().Match(Message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@", '([a-z_]+)'\)\s*$")]
    private static partial Regex TrailingErrorCode();
}

/// <summary>A 4xx: the cluster refused the request itself, so no job was created.</summary>
public class GanetiRequestRejectedException(HttpStatusCode statusCode, string message, string? explanation)
    : GanetiHttpException(statusCode, message, explanation);

/// <summary>404: no such resource (an unknown instance; unknown job ids are not 404, see the jobs client).</summary>
public sealed class GanetiNotFoundException(string message, string? explanation)
    : GanetiRequestRejectedException(HttpStatusCode.NotFound, message, explanation);

/// <summary>401 or 403: wrong credentials, or a read-only RAPI user asked to write.</summary>
public sealed class GanetiAuthenticationException(HttpStatusCode statusCode, string message, string? explanation)
    : GanetiRequestRejectedException(statusCode, message, explanation);

/// <summary>A 5xx: the cluster failed; whether a job was created is unknown.</summary>
public sealed class GanetiServerErrorException(HttpStatusCode statusCode, string message, string? explanation)
    : GanetiHttpException(statusCode, message, explanation);
