using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>Writes a response object as EC2 XML: members in declaration order, null members left out.</summary>
public static class Ec2XmlSerializer
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Element)[]> Members = new();

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    /// <summary>Writes the response document to <paramref name="output"/> (left open).</summary>
    public static void Serialize(Stream output, Ec2Response response, string action, string version, string requestId)
    {
        var ns = Protocol.Ec2Versions.Namespace(version);
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartElement(action + "Response", ns);
        xml.WriteElementString("requestId", ns, requestId);
        WriteMembers(xml, response, ns);
        xml.WriteEndElement();
    }

    /// <summary>The element names of a response type's members, in order (used to check them against the EC2 model).</summary>
    public static IReadOnlyList<(PropertyInfo Property, string Element)> ElementsOf(Type type) => Members.GetOrAdd(type, Describe);

    private static void WriteMembers(XmlWriter xml, object value, string ns)
    {
        foreach (var (property, element) in ElementsOf(value.GetType()))
        {
            if (property.GetValue(value) is { } member)
            {
                WriteValue(xml, element, member, ns);
            }
        }
    }

    private static void WriteValue(XmlWriter xml, string element, object value, string ns)
    {
        xml.WriteStartElement(element, ns);
        switch (value)
        {
            case string text:
                xml.WriteString(text);
                break;
            case bool flag:
                xml.WriteString(flag ? "true" : "false");
                break;
            case DateTimeOffset time:
                xml.WriteString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case IFormattable number:
                xml.WriteString(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    WriteValue(xml, "item", item, ns);
                }
                break;
            default:
                WriteMembers(xml, value, ns);
                break;
        }
        xml.WriteEndElement();
    }

    private static (PropertyInfo, string)[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p, p.GetCustomAttribute<Ec2ElementAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no [Ec2Element] naming its XML element.")))
            .ToArray();
}
