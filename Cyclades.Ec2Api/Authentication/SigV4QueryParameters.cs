namespace Cyclades.Ec2Api.Authentication;

/// <summary>The query parameters of a presigned SigV4 request: authentication, never operation parameters.</summary>
public static class SigV4QueryParameters
{
    public const string Algorithm = "X-Amz-Algorithm";
    public const string Credential = "X-Amz-Credential";
    public const string Date = "X-Amz-Date";
    public const string Expires = "X-Amz-Expires";
    public const string SignedHeaders = "X-Amz-SignedHeaders";
    public const string Signature = "X-Amz-Signature";
    public const string SecurityToken = "X-Amz-Security-Token";

    public static readonly IReadOnlySet<string> All =
        new HashSet<string>(StringComparer.Ordinal) { Algorithm, Credential, Date, Expires, SignedHeaders, Signature, SecurityToken };
}
