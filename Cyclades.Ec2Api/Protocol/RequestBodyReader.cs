using Cyclades.Ec2Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cyclades.Ec2Api.Protocol;

/// <summary>
/// Reads the exact body bytes (SigV4 signs them), refusing more than the configured limit. The limit is
/// also the server's for this request, so the transport stops reading beyond it.
/// </summary>
public static class RequestBodyReader
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }
        if (request.ContentLength > limit)
        {
            throw Ec2Errors.RequestEntityTooLarge(limit);
        }
        var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw Ec2Errors.RequestEntityTooLarge(limit);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            throw e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Ec2Errors.RequestEntityTooLarge(limit)
                : Ec2Errors.UnreadableRequest(e.Message);
        }
        return buffer.ToArray();
    }
}
