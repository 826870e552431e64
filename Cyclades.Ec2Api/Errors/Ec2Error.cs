namespace Cyclades.Ec2Api.Errors;

/// <summary>One EC2 error as a client sees it: the code, the HTTP status and the message.</summary>
public sealed record Ec2Error(string Code, int HttpStatus, string Message);

/// <summary>Thrown anywhere in a request to answer with <see cref="Error"/>; rendered by the protocol middleware.</summary>
public sealed class Ec2Exception(Ec2Error error) : Exception($"{error.Code}: {error.Message}")
{
    public Ec2Error Error { get; } = error;
}
