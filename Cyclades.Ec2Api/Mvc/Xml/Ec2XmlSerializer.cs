using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Xml;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>Writes a response object as EC2 XML: members in declaration order, null members left out.</summary>
/// <remarks>
/// The members' tags, fixed names known per type, are prepared UTF-8 markup (<see cref="Tags"/>); every
/// text value is escaped by <see cref="Utf8XmlWriter.WriteText"/>. The output is what
/// <see cref="XmlWriter"/>'s element API writes (the tests compare the two): an XML declaration,
/// <c>&lt;name&gt;…&lt;/name&gt;</c>, and <c>&lt;name /&gt;</c> for an empty list or an object with no members set.
/// </remarks>
public static partial class Ec2XmlSerializer
{
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    private static readonly Tags Item = new("item");

    private static readonly Tags RequestId = new("requestId");

    /// <summary>Writes the response document to <paramref name="output"/> (left open).</summary>
    public static void Serialize(Stream output, Ec2Response response, string action, string version, string requestId)
    {
        using var xml = new Utf8XmlWriter(output);
        var root = new Tags(action + "Response");
        // The version's namespace is declared once, as the default, on the root; the elements inside
        // carry no prefix and so are in it.
        xml.WriteRaw("<?xml version=\"1.0\" encoding=\"utf-8\"?>"u8);
        xml.WriteRaw(root.Open.AsSpan(0, root.Open.Length - 1));
        xml.WriteRaw(" xmlns=\""u8);
        xml.WriteText(Protocol.Ec2Versions.Namespace(version), attribute: true);
        xml.WriteRaw("\">"u8);
        WriteText(xml, RequestId, requestId);
        WriteMembers(xml, response, null);
        xml.WriteRaw(root.Close);
    }

    /// <summary>The element names of a response type's members, in order (used to check them against the EC2 model).</summary>
    public static IReadOnlyList<(PropertyInfo Property, string Element)> ElementsOf(Type type) =>
        MembersOf(type).Select(m => (m.Property, m.Tags.Name)).ToList();

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, Describe);

    /// <param name="tags">The element around the members (opened before the first one set), or null for the root's.</param>
    private static void WriteMembers(Utf8XmlWriter xml, object value, Tags? tags)
    {
        var unopened = tags;
        foreach (var member in MembersOf(value.GetType()))
        {
            if (member.Write(xml, value, unopened))
            {
                unopened = null;
            }
        }
        if (tags is not null)
        {
            xml.WriteRaw(unopened is null ? tags.Close : tags.Empty);
        }
    }

    private static Member[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(p => Member.For(p, new Tags(p.GetCustomAttribute<Ec2ElementAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no [Ec2Element] naming its XML element."))))
            .ToArray();

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
            Open = Encoding.UTF8.GetBytes($"<{name}>");
            Close = Encoding.UTF8.GetBytes($"</{name}>");
            Empty = Encoding.UTF8.GetBytes($"<{name} />");
        }

        public string Name { get; }

        public byte[] Open { get; }

        public byte[] Close { get; }

        public byte[] Empty { get; }
    }
}
