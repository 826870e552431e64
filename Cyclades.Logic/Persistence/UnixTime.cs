namespace Cyclades.Logic.Persistence;

/// <summary>
/// Timestamps are stored as BIGINT microseconds since the Unix epoch (UTC) on both databases:
/// exact, ordered and compared the same way everywhere, with no dialect-specific date types.
/// </summary>
public static class UnixTime
{
    public static long ToMicros(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    public static DateTimeOffset? FromMicros(long? micros) => micros is null ? null : FromMicros(micros.Value);

    public static long? ToMicros(DateTimeOffset? value) => value is null ? null : ToMicros(value.Value);
}
