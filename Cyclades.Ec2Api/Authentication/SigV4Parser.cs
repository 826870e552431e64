using System.Globalization;
using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Authentication;

/// <summary>Reads the SigV4 claims of a request (header form or presigned query form), refusing malformed ones.</summary>
public static class SigV4Parser
{
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int MaxPresignedExpirySeconds = 604_800; // 7 days, as AWS

    public static SigV4Authorization Parse(SigV4Request request, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var header = request.Headers.Authorization.ToString();
        var presigned = query.Any(p => p.Key == SigV4QueryParameters.Algorithm);
        if (header.Length > 0 && presigned)
        {
            throw Ec2Errors.IncompleteSignature(
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified");
        }
        if (header.Length > 0)
        {
            return ParseHeader(header, request);
        }
        if (presigned)
        {
            return ParseQuery(query);
        }
        if (query.Any(p => p.Key is "Signature" or "SignatureVersion" or "AWSAccessKeyId"))
        {
            throw Ec2Errors.IncompleteSignature("Signature Version 2 is not supported by this endpoint: sign requests with AWS Signature Version 4.");
        }
        throw Ec2Errors.MissingAuthenticationToken();
    }

    private static SigV4Authorization ParseHeader(string header, SigV4Request request)
    {
        var space = header.IndexOf(' ');
        var algorithm = space < 0 ? header : header[..space];
        if (algorithm != SigV4Authorization.Algorithm)
        {
            throw Ec2Errors.IncompleteSignature(algorithm.StartsWith("AWS ", StringComparison.Ordinal) || algorithm == "AWS"
                ? "Signature Version 2 is not supported by this endpoint: sign requests with AWS Signature Version 4."
                : $"Unsupported AWS 'algorithm': '{algorithm}'. Use {SigV4Authorization.Algorithm}.");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                fields[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }
        var missing = new[] { "Credential", "Signature", "SignedHeaders" }.Where(f => !fields.ContainsKey(f)).ToList();
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length == 0 && request.Headers.Date.ToString() is { Length: > 0 } httpDate
            && DateTimeOffset.TryParseExact(httpDate, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedHttpDate))
        {
            amzDate = parsedHttpDate.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
        }
        if (missing.Count > 0 || amzDate.Length == 0)
        {
            var problems = missing.Select(f => $"Authorization header requires '{f}' parameter.").ToList();
            if (amzDate.Length == 0)
            {
                problems.Add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            }
            throw Ec2Errors.IncompleteSignature(string.Join(" ", problems));
        }
        return Build(fields["Credential"], fields["SignedHeaders"], fields["Signature"], amzDate, expires: null, presigned: false);
    }

    private static SigV4Authorization ParseQuery(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        string? Single(string name)
        {
            var values = query.Where(p => p.Key == name).Select(p => p.Value).ToList();
            return values.Count switch
            {
                0 => null,
                1 => values[0],
                _ => throw Ec2Errors.IncompleteSignature($"The query parameter {name} must appear only once."),
            };
        }

        var algorithm = Single(SigV4QueryParameters.Algorithm);
        if (algorithm != SigV4Authorization.Algorithm)
        {
            throw Ec2Errors.IncompleteSignature($"Unsupported AWS 'algorithm': '{algorithm}'. Use {SigV4Authorization.Algorithm}.");
        }
        var required = new[] { SigV4QueryParameters.Credential, SigV4QueryParameters.Date, SigV4QueryParameters.SignedHeaders, SigV4QueryParameters.Signature };
        var values = required.ToDictionary(name => name, Single);
        var missing = values.Where(v => string.IsNullOrEmpty(v.Value)).Select(v => v.Key).ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.IncompleteSignature(string.Join(" ", missing.Select(m => $"AWS query-string parameters must include '{m}'.")));
        }
        TimeSpan? expires = null;
        if (Single(SigV4QueryParameters.Expires) is { } expiresText)
        {
            if (!int.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || seconds > MaxPresignedExpirySeconds)
            {
                throw Ec2Errors.IncompleteSignature($"X-Amz-Expires must be a whole number of seconds from 1 to {MaxPresignedExpirySeconds} (got '{expiresText}').");
            }
            expires = TimeSpan.FromSeconds(seconds);
        }
        return Build(values[SigV4QueryParameters.Credential]!, values[SigV4QueryParameters.SignedHeaders]!,
            values[SigV4QueryParameters.Signature]!, values[SigV4QueryParameters.Date]!, expires, presigned: true);
    }

    private static SigV4Authorization Build(string credential, string signedHeaders, string signature, string amzDate, TimeSpan? expires, bool presigned)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(s => s.Length == 0))
        {
            throw Ec2Errors.IncompleteSignature(
                $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'");
        }
        if (!DateTimeOffset.TryParseExact(amzDate, DateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
        {
            throw Ec2Errors.IncompleteSignature($"X-Amz-Date must be in the ISO-8601 basic format yyyyMMddTHHmmssZ, got '{amzDate}'.");
        }
        var headers = signedHeaders.Split(';');
        if (headers.Any(h => h.Length == 0 || h != h.ToLowerInvariant()))
        {
            throw Ec2Errors.IncompleteSignature($"SignedHeaders must be a ';'-separated list of lower-case header names, got '{signedHeaders}'.");
        }
        if (!headers.Contains("host"))
        {
            throw Ec2Errors.IncompleteSignature("'Host' must be a signed header.");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], headers, signature, amzDate, timestamp, expires, presigned);
    }
}
