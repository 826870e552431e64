namespace Cyclades.Logic.Servers;

/// <param name="Performed">False when the server already was where the command would take it and nothing was done.</param>
public sealed record ServerCommandResult(Server Before, Server After, bool Performed);
