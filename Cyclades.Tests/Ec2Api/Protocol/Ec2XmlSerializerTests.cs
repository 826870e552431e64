using System.Text;
using System.Xml;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>
/// The serializer writes its own UTF-8 markup: it must write exactly what <see cref="XmlWriter"/>'s element
/// API writes for the same document (the oracle here), escaping and all, and refuse what XmlWriter refuses.
/// </summary>
[Category("Unit")]
public sealed class Ec2XmlSerializerTests
{
    private const string Version = "2016-11-15";

    private static readonly string[] Texts =
    [
        "", "plain", "a < b > c & d", "\"quoted\" and 'single'", "line\nbreak", "cr\rlf\r\nend\r", "tab\tin",
        "ünïcödé ελληνικά 中文", "emoji 😀 pair", "]]> and &amp; already", new string('x', 70_000) + "<&>" + new string('é', 40_000),
    ];

    [TestCaseSource(nameof(Texts))]
    public void Text_is_written_as_xml_writer_writes_it(string text)
    {
        var response = new SampleResponse { Text = text, Items = [new SampleItem { Name = text }] };

        Assert.That(Serialize(response), Is.EqualTo(Oracle(response)));
    }

    [Test]
    public void Numbers_dates_flags_nested_objects_and_empty_lists_are_written_as_xml_writer_writes_them()
    {
        var response = new SampleResponse
        {
            Text = null,
            Count = -42,
            Size = 1L << 40,
            Flag = false,
            At = new DateTimeOffset(2026, 12, 7, 10, 11, 12, 345, TimeSpan.FromHours(2)),
            Items = [new SampleItem { Name = "one", Nested = new SampleItem() }, new SampleItem()],
            Empty = [],
        };

        var written = Serialize(response);

        Assert.That(written, Is.EqualTo(Oracle(response)));
        Assert.That(written, Does.Contain("<at>2026-12-07T08:11:12.345Z</at>").And.Contain("<empty />").And.Not.Contain("<text>"));
    }

    // Built here: an attribute's strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    private static readonly TestCaseData[] Unwritable =
    [
        new TestCaseData("bell " + (char)7).SetArgDisplayNames("control character"),
        new TestCaseData("lone " + (char)0xD800 + " high").SetArgDisplayNames("lone high surrogate"),
        new TestCaseData("lone " + (char)0xDC00 + " low").SetArgDisplayNames("lone low surrogate"),
        new TestCaseData("ends high " + (char)0xD800).SetArgDisplayNames("high surrogate at the end"),
        new TestCaseData("not a character " + (char)0xFFFE).SetArgDisplayNames("U+FFFE"),
    ];

    [TestCaseSource(nameof(Unwritable))]
    public void A_character_xml_cannot_carry_is_refused_as_xml_writer_refuses_it(string text)
    {
        Assert.Throws<ArgumentException>(() => Oracle(new SampleResponse { Text = text }), "the oracle refuses it");
        Assert.Throws<ArgumentException>(() => Serialize(new SampleResponse { Text = text }));
    }

    private static string Serialize(SampleResponse response)
    {
        using var output = new MemoryStream();
        Ec2XmlSerializer.Serialize(output, response, "Sample", Version, "req-1");
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The same document through XmlWriter's element API.</summary>
    private static string Oracle(SampleResponse response)
    {
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("SampleResponse", $"http://ec2.amazonaws.com/doc/{Version}/");
            xml.WriteElementString("requestId", "req-1");
            Optional(xml, "text", response.Text);
            Optional(xml, "count", response.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Optional(xml, "size", response.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Optional(xml, "flag", response.Flag is { } flag ? (flag ? "true" : "false") : null);
            Optional(xml, "at", response.At?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            List(xml, "itemSet", response.Items);
            List(xml, "empty", response.Empty);
            xml.WriteEndElement();
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static void List(XmlWriter xml, string name, IReadOnlyList<SampleItem>? items)
    {
        if (items is null)
        {
            return;
        }
        xml.WriteStartElement(name);
        foreach (var item in items)
        {
            Item(xml, "item", item);
        }
        xml.WriteEndElement();
    }

    private static void Item(XmlWriter xml, string name, SampleItem item)
    {
        xml.WriteStartElement(name);
        Optional(xml, "name", item.Name);
        if (item.Nested is { } nested)
        {
            Item(xml, "nested", nested);
        }
        xml.WriteEndElement();
    }

    /// <summary>As the serializer always has: an empty value is <c>&lt;name&gt;&lt;/name&gt;</c>.</summary>
    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteStartElement(name);
            xml.WriteString(value);
            xml.WriteFullEndElement();
        }
    }

    private sealed class SampleResponse : Ec2Response
    {
        [Ec2Element("text")]
        public string? Text { get; init; }

        [Ec2Element("count")]
        public int? Count { get; init; }

        [Ec2Element("size")]
        public long? Size { get; init; }

        [Ec2Element("flag")]
        public bool? Flag { get; init; }

        [Ec2Element("at")]
        public DateTimeOffset? At { get; init; }

        [Ec2Element("itemSet")]
        public IReadOnlyList<SampleItem>? Items { get; init; }

        [Ec2Element("empty")]
        public IReadOnlyList<SampleItem>? Empty { get; init; }
    }

    private sealed class SampleItem
    {
        [Ec2Element("name")]
        public string? Name { get; init; }

        [Ec2Element("nested")]
        public SampleItem? Nested { get; init; }
    }
}
