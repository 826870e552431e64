using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Xml;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>Writes a response object as EC2 XML: members in declaration order, null members left out.</summary>
public static class Ec2XmlSerializer
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    /// <summary>Writes the response document to <paramref name="output"/> (left open).</summary>
    public static void Serialize(Stream output, Ec2Response response, string action, string version, string requestId)
    {
        using var xml = XmlWriter.Create(output, Settings);
        // The version's namespace is declared once, as the default, on the root; every other element
        // is written without a namespace argument and so inherits it (no per-element namespace lookup).
        xml.WriteStartElement(action + "Response", Protocol.Ec2Versions.Namespace(version));
        xml.WriteElementString("requestId", requestId);
        WriteMembers(xml, response);
        xml.WriteEndElement();
    }

    /// <summary>The element names of a response type's members, in order (used to check them against the EC2 model).</summary>
    public static IReadOnlyList<(PropertyInfo Property, string Element)> ElementsOf(Type type) =>
        MembersOf(type).Select(m => (m.Property, m.Element)).ToList();

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, Describe);

    private static void WriteMembers(XmlWriter xml, object value)
    {
        foreach (var member in MembersOf(value.GetType()))
        {
            if (member.Get(value) is { } memberValue)
            {
                WriteValue(xml, member.Element, memberValue);
            }
        }
    }

    private static void WriteValue(XmlWriter xml, string element, object value)
    {
        xml.WriteStartElement(element);
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
                    WriteValue(xml, "item", item);
                }
                break;
            default:
                WriteMembers(xml, value);
                break;
        }
        xml.WriteEndElement();
    }

    private static Member[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Member(p, p.GetCustomAttribute<Ec2ElementAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no [Ec2Element] naming its XML element."), Getter(p)))
            .ToArray();

    /// <summary>A compiled <c>o =&gt; (object)((T)o).Property</c>: a delegate call instead of reflection per member and response.</summary>
    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var read = Expression.Property(Expression.Convert(instance, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private sealed record Member(PropertyInfo Property, string Element, Func<object, object?> Get);
}
