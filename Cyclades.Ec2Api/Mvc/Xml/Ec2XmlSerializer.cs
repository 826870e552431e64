using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Xml;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>Writes a response object as EC2 XML: members in declaration order, null members left out.</summary>
/// <remarks>
/// The root element and the request id go through <see cref="XmlWriter"/>'s element API; the members'
/// tags, fixed names known per type, are written as prepared markup (<see cref="Tags"/>) — the writer's
/// per-element name check, namespace scope and element stack were a third of the time of a large page —
/// while every text value still goes through <see cref="XmlWriter.WriteString"/> and is escaped there.
/// The output is what the element API writes: <c>&lt;name&gt;…&lt;/name&gt;</c>, and <c>&lt;name /&gt;</c>
/// for an empty list or an object with no members set.
/// </remarks>
public static class Ec2XmlSerializer
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    private static readonly Tags Item = new("item");

    /// <summary>Writes the response document to <paramref name="output"/> (left open).</summary>
    public static void Serialize(Stream output, Ec2Response response, string action, string version, string requestId)
    {
        using var xml = XmlWriter.Create(output, Settings);
        // The version's namespace is declared once, as the default, on the root; the elements inside
        // carry no prefix and so are in it.
        xml.WriteStartElement(action + "Response", Protocol.Ec2Versions.Namespace(version));
        xml.WriteElementString("requestId", requestId);
        WriteMembers(xml, response, null);
        xml.WriteEndElement();
    }

    /// <summary>The element names of a response type's members, in order (used to check them against the EC2 model).</summary>
    public static IReadOnlyList<(PropertyInfo Property, string Element)> ElementsOf(Type type) =>
        MembersOf(type).Select(m => (m.Property, m.Tags.Name)).ToList();

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, Describe);

    /// <param name="tags">The element around the members (opened before the first one set), or null for the root's.</param>
    private static void WriteMembers(XmlWriter xml, object value, Tags? tags)
    {
        var opened = false;
        foreach (var member in MembersOf(value.GetType()))
        {
            if (member.Get(value) is not { } memberValue)
            {
                continue;
            }
            if (!opened && tags is not null)
            {
                xml.WriteRaw(tags.Open);
            }
            opened = true;
            WriteValue(xml, member.Tags, memberValue);
        }
        if (tags is not null)
        {
            xml.WriteRaw(opened ? tags.Close : tags.Empty);
        }
    }

    private static void WriteValue(XmlWriter xml, Tags tags, object value)
    {
        switch (value)
        {
            case string text:
                xml.WriteRaw(tags.Open);
                xml.WriteString(text);
                xml.WriteRaw(tags.Close);
                break;
            case bool flag:
                WriteText(xml, tags, flag ? "true" : "false");
                break;
            case DateTimeOffset time:
                WriteText(xml, tags, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte or decimal or double or float:
                WriteText(xml, tags, ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                xml.WriteRaw(tags.Open);
                xml.WriteString(formattable.ToString(null, CultureInfo.InvariantCulture));
                xml.WriteRaw(tags.Close);
                break;
            case IEnumerable items:
                WriteItems(xml, tags, items);
                break;
            default:
                WriteMembers(xml, value, tags);
                break;
        }
    }

    /// <summary>A number, a date or true/false formatted invariantly: no character in it needs escaping.</summary>
    private static void WriteText(XmlWriter xml, Tags tags, string text)
    {
        xml.WriteRaw(tags.Open);
        xml.WriteRaw(text);
        xml.WriteRaw(tags.Close);
    }

    private static void WriteItems(XmlWriter xml, Tags tags, IEnumerable items)
    {
        var enumerator = items.GetEnumerator();
        try
        {
            if (!enumerator.MoveNext())
            {
                xml.WriteRaw(tags.Empty);
                return;
            }
            xml.WriteRaw(tags.Open);
            do
            {
                WriteValue(xml, Item, enumerator.Current!);
            }
            while (enumerator.MoveNext());
            xml.WriteRaw(tags.Close);
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }

    private static Member[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Member(p, new Tags(p.GetCustomAttribute<Ec2ElementAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no [Ec2Element] naming its XML element.")), Getter(p)))
            .ToArray();

    /// <summary>A compiled <c>o =&gt; (object)((T)o).Property</c>: a delegate call instead of reflection per member and response.</summary>
    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var read = Expression.Property(Expression.Convert(instance, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private sealed record Member(PropertyInfo Property, Tags Tags, Func<object, object?> Get);

    /// <summary>An element's markup, prepared once: its name is a fixed XML name (checked against the EC2 model by the tests).</summary>
    private sealed class Tags
    {
        public Tags(string name)
        {
            if (XmlConvert.VerifyNCName(name) != name)
            {
                throw new InvalidOperationException($"'{name}' is not an XML element name.");
            }
            Name = name;
            Open = $"<{name}>";
            Close = $"</{name}>";
            Empty = $"<{name} />";
        }

        public string Name { get; }

        public string Open { get; }

        public string Close { get; }

        public string Empty { get; }
    }
}
