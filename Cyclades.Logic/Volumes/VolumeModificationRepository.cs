using Cyclades.Logic.Persistence;

namespace Cyclades.Logic.Volumes;

internal static class VolumeModificationRepository
{
    private const string Columns = """
        m.id AS Id, m.volume_id AS VolumeId, m.original_size_gib AS OriginalSizeGiB, m.target_size_gib AS TargetSizeGiB,
        m.original_type_label AS OriginalTypeLabel, m.target_type_label AS TargetTypeLabel, m.state AS State,
        m.status_message AS StatusMessage, m.started_at AS StartedAt, m.ended_at AS EndedAt
        """;

    public static async Task<VolumeModification> InsertAsync(Db db, string userId, VolumeModification m, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO volume_modifications (volume_id, user_id, original_size_gib, target_size_gib, original_type_label,
                target_type_label, state, status_message, started_at, ended_at)
            VALUES (@VolumeId, @userId, @OriginalSizeGiB, @TargetSizeGiB, @OriginalTypeLabel, @TargetTypeLabel, @state, @StatusMessage,
                @startedAt, @endedAt)
            """,
            new
            {
                m.VolumeId,
                userId,
                m.OriginalSizeGiB,
                m.TargetSizeGiB,
                m.OriginalTypeLabel,
                m.TargetTypeLabel,
                state = ToDb(m.State),
                m.StatusMessage,
                startedAt = UnixTime.ToMicros(m.StartedAt),
                endedAt = UnixTime.ToMicros(m.EndedAt),
            },
            cancellationToken);
        return m with { Id = id };
    }

    /// <summary>The user's modifications, oldest first: of every volume, or of these volumes.</summary>
    public static async Task<IReadOnlyList<VolumeModification>> ListAsync(
        Db db, string userId, IReadOnlyCollection<long>? volumeIds, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Row>(
            volumeIds is null
                ? $"SELECT {Columns} FROM volume_modifications m WHERE m.user_id = @userId ORDER BY m.id"
                : $"SELECT {Columns} FROM volume_modifications m WHERE m.user_id = @userId AND m.volume_id IN @volumeIds ORDER BY m.id",
            new { userId, volumeIds }, cancellationToken))
            .Select(r => r.ToModification()).ToList();

    /// <summary>Whether the volume has a modification still running (call under the volume's lock).</summary>
    public static Task<bool> IsModifyingAsync(Db db, long volumeId, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<bool>(
            "SELECT COUNT(*) > 0 FROM volume_modifications WHERE volume_id = @volumeId AND state = @modifying",
            new { volumeId, modifying = ToDb(VolumeModificationState.Modifying) }, cancellationToken);

    /// <summary>Ends the volume's running modification, if it has one.</summary>
    public static Task FinishAsync(Db db, long volumeId, bool succeeded, string? message, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            """
            UPDATE volume_modifications SET state = @state, status_message = @message, ended_at = @at
            WHERE volume_id = @volumeId AND state = @modifying
            """,
            new
            {
                volumeId,
                state = ToDb(succeeded ? VolumeModificationState.Completed : VolumeModificationState.Failed),
                message,
                at = UnixTime.ToMicros(at),
                modifying = ToDb(VolumeModificationState.Modifying),
            },
            cancellationToken);

    private static string ToDb(VolumeModificationState state) => state.ToString().ToUpperInvariant();

    private sealed record Row
    {
        public long Id { get; init; }

        public long VolumeId { get; init; }

        public int OriginalSizeGiB { get; init; }

        public int TargetSizeGiB { get; init; }

        public string? OriginalTypeLabel { get; init; }

        public string? TargetTypeLabel { get; init; }

        public required string State { get; init; }

        public string? StatusMessage { get; init; }

        public long StartedAt { get; init; }

        public long? EndedAt { get; init; }

        public VolumeModification ToModification() => new(
            Id, VolumeId, OriginalSizeGiB, TargetSizeGiB, OriginalTypeLabel, TargetTypeLabel,
            Enum.Parse<VolumeModificationState>(State, ignoreCase: true), StatusMessage,
            UnixTime.FromMicros(StartedAt), UnixTime.FromMicros(EndedAt));
    }
}
