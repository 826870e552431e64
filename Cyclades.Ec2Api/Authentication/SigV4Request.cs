using Microsoft.AspNetCore.Http;

namespace Cyclades.Ec2Api.Authentication;

/// <summary>What SigV4 verification reads of a request, exactly as received.</summary>
/// <param name="RawPath">The path as sent (still percent-encoded), e.g. <c>/</c>.</param>
/// <param name="RawQuery">The query string as sent, without <c>?</c>; empty when there is none.</param>
/// <param name="Body">The exact body bytes.</param>
public sealed record SigV4Request(string Method, string RawPath, string RawQuery, IHeaderDictionary Headers, ReadOnlyMemory<byte> Body);
