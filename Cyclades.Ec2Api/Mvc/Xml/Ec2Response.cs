namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>
/// Base of every action's response: rendered by <see cref="Ec2XmlOutputFormatter"/> as
/// <c>&lt;{Action}Response xmlns="http://ec2.amazonaws.com/doc/{Version}/"&gt;&lt;requestId&gt;…</c> followed by
/// the members named with <see cref="Ec2ElementAttribute"/>. Name the class <c>{Action}Response</c>.
/// </summary>
public abstract class Ec2Response;

/// <summary>The answer of actions without output (<c>&lt;return&gt;true&lt;/return&gt;</c>, as AWS sends).</summary>
public sealed class Ec2ReturnResponse : Ec2Response
{
    [Ec2Element("return")]
    public bool Return { get; init; } = true;
}
