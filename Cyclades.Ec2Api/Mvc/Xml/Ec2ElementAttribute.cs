namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>
/// The XML element name of a response member: the botocore model's <c>locationName</c> (e.g.
/// <c>regionInfo</c>, <c>instancesSet</c>). A list renders as <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;&lt;/name&gt;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class Ec2ElementAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
