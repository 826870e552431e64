namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>A job timestamp as Ganeti sends it: <c>[seconds, microseconds]</c> since the Unix epoch.</summary>
public readonly record struct GanetiTimestamp(long Seconds, long Microseconds)
{
    public DateTimeOffset ToDateTimeOffset() =>
        DateTimeOffset.UnixEpoch.AddTicks(Seconds * TimeSpan.TicksPerSecond + Microseconds * TimeSpan.TicksPerMicrosecond);

    public static GanetiTimestamp From(DateTimeOffset value)
    {
        var micros = (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        return new GanetiTimestamp(Math.DivRem(micros, 1_000_000, out var rest), rest);
    }
}
