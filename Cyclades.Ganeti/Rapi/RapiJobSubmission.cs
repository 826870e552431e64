using System.Text.Json.Serialization.Metadata;
using Cyclades.Ganeti.Rapi.Errors;
using Cyclades.Ganeti.Rapi.Json;

namespace Cyclades.Ganeti.Rapi;

/// <summary>Every mutating RAPI call answers with a bare job id.</summary>
internal static class RapiJobSubmission
{
    public static async Task<long> SubmitAsync(
        this RapiConnection connection, HttpMethod method, string path, CancellationToken cancellationToken) =>
        JobId(await connection.SendAsync(method, path, RapiJsonContext.Default.NullableInt64, cancellationToken), method, path);

    public static async Task<long> SubmitAsync<TBody>(
        this RapiConnection connection, HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType,
        CancellationToken cancellationToken) =>
        JobId(await connection.SendAsync(method, path, body, bodyType, RapiJsonContext.Default.NullableInt64, cancellationToken), method, path);

    private static long JobId(long? id, HttpMethod method, string path) =>
        id ?? throw new GanetiProtocolException($"{method} {path} answered no job id");
}
