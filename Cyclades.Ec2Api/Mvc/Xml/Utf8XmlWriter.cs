using System.Buffers;
using System.Globalization;
using System.Text;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>
/// Writes markup as UTF-8 straight into a stream, through one pooled buffer: prepared tags are copied
/// as bytes, text is escaped as <see cref="System.Xml.XmlWriter"/> escapes element content on this
/// platform (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>; CR and CRLF become LF) and, as it does, a character
/// XML cannot carry is an <see cref="ArgumentException"/> (input is refused long before that).
/// </summary>
/// <remarks>
/// A page of instances is a few hundred kilobytes of short elements: XmlWriter's well-formedness state
/// and per-character checks of prepared markup were most of the time spent answering it.
/// </remarks>
public sealed class Utf8XmlWriter(Stream output) : IDisposable
{
    private const int BufferSize = 32 * 1024;

    // Everything a text run stops at: the escaped characters, CR, and what XML 1.0 cannot carry
    // (controls but tab and LF, surrogates — a well-formed pair is written as one character — U+FFFE, U+FFFF).
    private static readonly SearchValues<char> Special = SearchValues.Create(SpecialCharacters());

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    public void WriteRaw(ReadOnlySpan<byte> markup)
    {
        if (markup.Length > _buffer.Length - _used)
        {
            Flush();
            if (markup.Length > _buffer.Length)
            {
                output.Write(markup);
                return;
            }
        }
        markup.CopyTo(_buffer.AsSpan(_used));
        _used += markup.Length;
    }

    /// <summary>Element content (or, with <paramref name="attribute"/>, a double-quoted attribute value), escaped.</summary>
    public void WriteText(string text, bool attribute = false)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var run = rest.IndexOfAny(Special);
            if (attribute && rest.IndexOf('"') is var quote and >= 0 && (run < 0 || quote < run))
            {
                run = quote;
            }
            WritePlain(run < 0 ? rest : rest[..run]);
            if (run < 0)
            {
                return;
            }
            rest = rest[(run + WriteSpecial(rest[run..])) ..];
        }
    }

    /// <summary>A value formatted (invariant culture) straight into the buffer: for numbers and times, whose text needs no escaping.</summary>
    public void WriteFormatted<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        if (!value.TryFormat(_buffer.AsSpan(_used), out var written, format, CultureInfo.InvariantCulture))
        {
            Flush();
            if (!value.TryFormat(_buffer, out written, format, CultureInfo.InvariantCulture))
            {
                throw new ArgumentException($"The {typeof(T).Name} formats longer than the buffer.", nameof(value));
            }
        }
        _used += written;
    }

    /// <summary>Writes out what is buffered.</summary>
    public void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Characters that need nothing, in chunks that fit the buffer (a run holds no surrogate, so no pair is split).</summary>
    private void WritePlain(ReadOnlySpan<char> plain)
    {
        while (!plain.IsEmpty)
        {
            if (_buffer.Length - _used < 3 * Math.Min(plain.Length, 1024))
            {
                Flush();
            }
            var chunk = plain[..Math.Min(plain.Length, (_buffer.Length - _used) / 3)];
            _used += Encoding.UTF8.GetBytes(chunk, _buffer.AsSpan(_used));
            plain = plain[chunk.Length..];
        }
    }

    /// <summary>Writes the special character at the start of <paramref name="text"/>; returns how many characters it took.</summary>
    private int WriteSpecial(ReadOnlySpan<char> text)
    {
        var c = text[0];
        var entity = Entity(c);
        if (!entity.IsEmpty)
        {
            WriteRaw(entity);
            return 1;
        }
        if (c == '\r')
        {
            WriteRaw("\n"u8);
            return text.Length > 1 && text[1] == '\n' ? 2 : 1;
        }
        if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
        {
            Span<byte> bytes = stackalloc byte[4];
            WriteRaw(bytes[..Encoding.UTF8.GetBytes(text[..2], bytes)]);
            return 2;
        }
        throw new ArgumentException($"'\\u{(int)c:X4}' is a character XML cannot carry.", nameof(text));
    }

    private static ReadOnlySpan<byte> Entity(char c) => c switch
    {
        '<' => "&lt;"u8,
        '>' => "&gt;"u8,
        '&' => "&amp;"u8,
        '"' => "&quot;"u8,
        _ => default,
    };

    private static string SpecialCharacters()
    {
        var special = new StringBuilder("<>&\r\uFFFE\uFFFF");
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
            {
                special.Append(c);
            }
        }
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
        {
            special.Append(c);
        }
        return special.ToString();
    }
}
