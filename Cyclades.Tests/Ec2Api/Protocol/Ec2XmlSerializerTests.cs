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
        var response = new SampleResponse { Text = text, Names = [text, "after"], Items = [new SampleItem { Name = text }] };

        Assert.That(Serialize(response), Is.EqualTo(Oracle(response)));
    }

    [Test]
    public void Numbers_dates_flags_nested_objects_and_lists_are_written_as_xml_writer_writes_them()
    {
        var response = new SampleResponse
        {
            Text = null,
            Count = int.MinValue,
            Size = long.MaxValue,
            Flag = false,
            At = new DateTimeOffset(2026, 12, 7, 10, 11, 12, 345, TimeSpan.FromHours(2)),
            Number = -42,
            Done = true,
            Since = new DateTimeOffset(2025, 1, 1, 1, 2, 3, 7, TimeSpan.FromMinutes(-330)),
            Price = 12.50m,
            Names = ["a<b", "c & d"],
            Items = [new SampleItem { Name = "one", Nested = new SampleItem(), Sizes = [1L << 40, -1] }, new SampleItem()],
            Empty = [],
            Grid = [[1, -2], [], [long.MinValue]],
            Times = [DateTimeOffset.UnixEpoch, new DateTimeOffset(2026, 2, 28, 23, 59, 59, 999, TimeSpan.FromHours(-1))],
            Base = new SampleDerived { Id = "b", Extra = 7 },
        };

        var written = Serialize(response);

        Assert.That(written, Is.EqualTo(Oracle(response)));
        Assert.That(
            written,
            Does.Contain("<at>2026-12-07T08:11:12.345Z</at>").And.Contain("<since>2025-01-01T06:32:03.007Z</since>")
                .And.Contain("<count>-2147483648</count>").And.Contain("<size>9223372036854775807</size>")
                .And.Contain("<timeSet><item>1970-01-01T00:00:00.000Z</item><item>2026-03-01T00:59:59.999Z</item></timeSet>")
                .And.Contain("<grid><item><item>1</item><item>-2</item></item><item /><item><item>-9223372036854775808</item></item></grid>")
                .And.Contain("<price>12.50</price>").And.Contain("<base><id>b</id><extra>7</extra></base>")
                .And.Contain("<empty />").And.Not.Contain("<text>"));
    }

    [Test]
    public void Unset_members_are_left_out_and_an_object_with_none_set_is_an_empty_element()
    {
        var response = new SampleResponse { Items = [new SampleItem { Nested = new SampleItem() }], Base = new SampleBase() };

        var written = Serialize(response);

        Assert.That(written, Is.EqualTo(Oracle(response)));
        Assert.That(
            written,
            Does.Contain("<itemSet><item><nested /></item></itemSet>").And.Contain("<base />").And.Contain("<number>0</number>")
                .And.Not.Contain("<count>").And.Not.Contain("<flag>").And.Not.Contain("<nameSet>"));
    }

    private static readonly object[] Extras =
    [
        "text & more", 5, 2.5m, true, new SampleItem { Name = "x" }, new SampleDerived { Extra = 1 }, new List<int> { 1, 2 }, Array.Empty<string>(),
    ];

    [TestCaseSource(nameof(Extras))]
    public void A_member_declared_as_object_is_written_by_its_runtime_type(object extra)
    {
        var response = new SampleResponse { Extra = extra };

        Assert.That(Serialize(response), Is.EqualTo(Oracle(response)));
    }

    [Test]
    public void Values_straddling_the_buffers_flush_are_written_whole([Range(0, 20)] int padding)
    {
        var response = new SampleResponse
        {
            Text = new string('p', padding),
            Grid = [Enumerable.Range(0, 3000).Select(i => long.MinValue + i * 7919L).ToArray()],
            Times = Enumerable.Range(0, 2000).Select(i => DateTimeOffset.UnixEpoch.AddMilliseconds(i * 1_000_003L)).ToList(),
        };

        var written = Serialize(response);

        Assert.That(Encoding.UTF8.GetByteCount(written), Is.GreaterThan(2 * 32 * 1024));
        Assert.That(written, Is.EqualTo(Oracle(response)));
    }

    [Test]
    public void A_property_without_an_element_name_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Serialize(new UnnamedResponse()));
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

    private static string Serialize(Ec2Response response)
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
            Optional(xml, "count", Invariant(response.Count));
            Optional(xml, "size", Invariant(response.Size));
            Optional(xml, "flag", Flag(response.Flag));
            Optional(xml, "at", Time(response.At));
            Optional(xml, "number", Invariant(response.Number));
            Optional(xml, "done", Flag(response.Done));
            Optional(xml, "since", Time(response.Since));
            Optional(xml, "price", Invariant(response.Price));
            List(xml, "nameSet", response.Names, (x, name) => Optional(x, "item", name));
            List(xml, "itemSet", response.Items, (x, item) => Item(x, "item", item));
            List(xml, "empty", response.Empty, (x, item) => Item(x, "item", item));
            List(xml, "grid", response.Grid, (x, row) => List(x, "item", row, (y, n) => Optional(y, "item", Invariant(n))));
            List(xml, "timeSet", response.Times, (x, time) => Optional(x, "item", Time(time)));
            Base(xml, "base", response.Base);
            Extra(xml, response.Extra);
            xml.WriteEndElement();
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static void List<T>(XmlWriter xml, string name, IEnumerable<T>? items, Action<XmlWriter, T> write)
    {
        if (items is null)
        {
            return;
        }
        xml.WriteStartElement(name);
        foreach (var item in items)
        {
            write(xml, item);
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
        List(xml, "sizeSet", item.Sizes, (x, size) => Optional(x, "item", Invariant(size)));
        xml.WriteEndElement();
    }

    private static void Base(XmlWriter xml, string name, SampleBase? value)
    {
        if (value is null)
        {
            return;
        }
        xml.WriteStartElement(name);
        Optional(xml, "id", value.Id);
        if (value is SampleDerived derived)
        {
            Optional(xml, "extra", Invariant(derived.Extra));
        }
        xml.WriteEndElement();
    }

    private static void Extra(XmlWriter xml, object? extra)
    {
        switch (extra)
        {
            case SampleItem item:
                Item(xml, "extra", item);
                break;
            case SampleBase value:
                Base(xml, "extra", value);
                break;
            case bool flag:
                Optional(xml, "extra", Flag(flag));
                break;
            case string text:
                Optional(xml, "extra", text);
                break;
            case IFormattable formattable:
                Optional(xml, "extra", Invariant(formattable));
                break;
            case System.Collections.IEnumerable items:
                List(xml, "extra", items.Cast<object>(), (x, item) => Optional(x, "item", item.ToString()));
                break;
        }
    }

    private static string? Invariant(IFormattable? value) => value?.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Flag(bool? flag) => flag is { } set ? (set ? "true" : "false") : null;

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

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

        [Ec2Element("number")]
        public int Number { get; init; }

        [Ec2Element("done")]
        public bool Done { get; init; }

        [Ec2Element("since")]
        public DateTimeOffset Since { get; init; }

        [Ec2Element("price")]
        public decimal? Price { get; init; }

        [Ec2Element("nameSet")]
        public IReadOnlyList<string>? Names { get; init; }

        [Ec2Element("itemSet")]
        public IReadOnlyList<SampleItem>? Items { get; init; }

        [Ec2Element("empty")]
        public IReadOnlyList<SampleItem>? Empty { get; init; }

        [Ec2Element("grid")]
        public List<long[]>? Grid { get; init; }

        [Ec2Element("timeSet")]
        public IReadOnlyList<DateTimeOffset>? Times { get; init; }

        [Ec2Element("base")]
        public SampleBase? Base { get; init; }

        [Ec2Element("extra")]
        public object? Extra { get; init; }
    }

    private sealed class SampleItem
    {
        [Ec2Element("name")]
        public string? Name { get; init; }

        [Ec2Element("nested")]
        public SampleItem? Nested { get; init; }

        [Ec2Element("sizeSet")]
        public IReadOnlyList<long>? Sizes { get; init; }
    }

    private class SampleBase
    {
        [Ec2Element("id")]
        public string? Id { get; init; }
    }

    private sealed class SampleDerived : SampleBase
    {
        [Ec2Element("extra")]
        public int Extra { get; init; }
    }

    private sealed class UnnamedResponse : Ec2Response
    {
        public string Unnamed { get; init; } = "";
    }
}
