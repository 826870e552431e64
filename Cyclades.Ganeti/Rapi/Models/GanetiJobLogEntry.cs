using System.Text.Json;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>One line of an opcode's log, <c>[serial, [seconds, microseconds], type, message]</c>.</summary>
/// <param name="Message">A string for type <c>message</c>; other types carry JSON objects.</param>
public sealed record GanetiJobLogEntry(long Serial, GanetiTimestamp Time, string Type, JsonElement Message)
{
    public const string MessageType = "message";

    /// <summary>The text of a plain message, else the JSON of the payload.</summary>
    public string Text => Message.ValueKind == JsonValueKind.String ? Message.GetString()! : Message.GetRawText();
}
