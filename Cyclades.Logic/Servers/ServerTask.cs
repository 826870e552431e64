namespace Cyclades.Logic.Servers;

/// <summary>
/// The action issued to the cluster whose job has not finished. <paramref name="JobId"/> is null only
/// between committing a new server and submitting its create job.
/// </summary>
public sealed record ServerTask(ServerAction Action, long? JobId);
