namespace Cyclades.Bench.Infrastructure;

/// <summary>A failure of the benchmark's own set-up (a tool missing, a server that does not start), reported in one message.</summary>
public sealed class BenchException(string message, Exception? inner = null) : Exception(message, inner);
