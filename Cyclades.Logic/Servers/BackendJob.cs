using Cyclades.Logic.Backends;

namespace Cyclades.Logic.Servers;

/// <summary>The newest cluster job notification seen for a server (any job, any status).</summary>
/// <param name="At">When the cluster reached that status.</param>
public sealed record BackendJob(long JobId, ServerOperation Operation, JobStatus Status, string? Message, DateTimeOffset At);
