using System.Buffers.Binary;
using System.Text;

namespace Cyclades.Logic.KeyPairs;

/// <summary>The SSH wire encoding (RFC 4251 §5): uint32-length-prefixed strings and mpints.</summary>
internal sealed class SshWriter
{
    private readonly MemoryStream _buffer = new();

    public SshWriter String(string value) => String(Encoding.UTF8.GetBytes(value));

    public SshWriter String(byte[] value)
    {
        UInt32((uint)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>A non-negative integer given big-endian unsigned: a leading zero keeps its top bit from reading as a sign.</summary>
    public SshWriter MPInt(byte[] unsignedBigEndian)
    {
        var trimmed = unsignedBigEndian.AsSpan().TrimStart((byte)0).ToArray();
        return String(trimmed.Length > 0 && (trimmed[0] & 0x80) != 0 ? [0, .. trimmed] : trimmed);
    }

    public SshWriter UInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    public SshWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    public int Length => (int)_buffer.Length;

    public byte[] ToArray() => _buffer.ToArray();
}
