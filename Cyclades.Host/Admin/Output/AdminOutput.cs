using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cyclades.Host.Admin.Output;

/// <summary>
/// What a command prints on standard output: a table (columns aligned, one row per line, a header)
/// or, with <c>--json</c>, the same fields as JSON with their raw values.
/// </summary>
public sealed class AdminOutput(TextWriter writer, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public bool Json => json;

    public void Table<T>(IEnumerable<T> rows, params Column<T>[] columns)
    {
        var list = rows.ToList();
        if (json)
        {
            WriteJson(list.Select(row => ToObject(row, columns)).ToList());
            return;
        }
        var cells = list.Select(row => columns.Select(c => c.TextOf(row)).ToArray()).ToList();
        var header = columns.Select(c => c.Name.ToUpperInvariant()).ToArray();
        var widths = columns.Select((_, i) => cells.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        WriteRow(header, widths);
        foreach (var row in cells)
        {
            WriteRow(row, widths);
        }
    }

    /// <summary>One record: <c>Name: value</c> lines, or a JSON object.</summary>
    public void Record<T>(T row, params Column<T>[] columns)
    {
        if (json)
        {
            WriteJson(ToObject(row, columns));
            return;
        }
        var width = columns.Max(c => c.Name.Length) + 1;
        foreach (var column in columns)
        {
            writer.WriteLine($"{(column.Name + ":").PadRight(width)} {column.TextOf(row)}");
        }
    }

    /// <summary>A sentence for people; in JSON mode, <paramref name="value"/> instead.</summary>
    public void Message(string text, object value)
    {
        if (json)
        {
            WriteJson(value);
        }
        else
        {
            writer.WriteLine(text);
        }
    }

    public static string Format(object? value) => value switch
    {
        null or "" => "-",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Dictionary<string, object?> ToObject<T>(T row, Column<T>[] columns) =>
        columns.ToDictionary(c => JsonName(c.Name), c => c.Value(row));

    /// <summary>"Task job" → "taskJob".</summary>
    private static string JsonName(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((word, i) => i == 0 ? word.ToLowerInvariant() : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()));

    private void WriteJson(object value) => writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    private void WriteRow(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }
        writer.WriteLine(line.ToString());
    }
}
