using System.Text.Json;

namespace Cyclades.Ganeti.Rapi.Models;

/// <summary>
/// Why an opcode failed, from its <c>opresult</c> entry <c>[type, [message, …]]</c>:
/// <see cref="GanetiOpPrereqError"/> (a prerequisite check refused it: nothing changed),
/// <see cref="GanetiOpExecError"/> (it failed while running) or any other Ganeti error class.
/// </summary>
public abstract record GanetiJobError(string Type, string Message)
{
    public override string ToString() => $"{Type}: {Message}";

    /// <summary>Reads an <c>opresult</c> entry of a failed opcode.</summary>
    public static GanetiJobError Parse(JsonElement opResult)
    {
        if (opResult.ValueKind != JsonValueKind.Array || opResult.GetArrayLength() != 2
            || opResult[0].ValueKind != JsonValueKind.String)
        {
            return new GanetiOtherJobError("unknown", opResult.GetRawText());
        }
        var type = opResult[0].GetString()!;
        var arguments = opResult[1];
        var message = FirstString(arguments) ?? arguments.GetRawText();
        return type switch
        {
            GanetiOpPrereqError.TypeName => new GanetiOpPrereqError(message, SecondString(arguments)),
            GanetiOpExecError.TypeName => new GanetiOpExecError(message),
            _ => new GanetiOtherJobError(type, message),
        };
    }

    private static string? FirstString(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Array && arguments.GetArrayLength() > 0
            && arguments[0].ValueKind == JsonValueKind.String
            ? arguments[0].GetString()
            : arguments.ValueKind == JsonValueKind.String ? arguments.GetString() : null;

    private static string? SecondString(JsonElement arguments) =>
        arguments.ValueKind == JsonValueKind.Array && arguments.GetArrayLength() > 1
            && arguments[1].ValueKind == JsonValueKind.String
            ? arguments[1].GetString()
            : null;
}

/// <param name="Code">Ganeti's error code; see <see cref="GanetiErrorCodes"/>. Null when none was sent.</param>
public sealed record GanetiOpPrereqError(string Message, string? Code) : GanetiJobError(TypeName, Message)
{
    public const string TypeName = "OpPrereqError";

    public override string ToString() => Code is null ? base.ToString() : $"{Type} ({Code}): {Message}";
}

public sealed record GanetiOpExecError(string Message) : GanetiJobError(TypeName, Message)
{
    public const string TypeName = "OpExecError";
}

/// <summary>Any other failure, e.g. <c>TagError</c>.</summary>
public sealed record GanetiOtherJobError(string Type, string Message) : GanetiJobError(Type, Message);

/// <summary>The error codes Ganeti attaches to <c>OpPrereqError</c> (its <c>ECODE_*</c> constants).</summary>
public static class GanetiErrorCodes
{
    public const string AlreadyExists = "already_exists";
    public const string UnknownEntity = "unknown_entity";
    public const string WrongInput = "wrong_input";
    public const string InsufficientResources = "insufficient_resources";
    public const string TemporarilyInsufficientResources = "temp_insufficient_resources";
    public const string ResolverError = "resolver_error";
    public const string ResourceNotUnique = "resource_not_unique";
    public const string WrongState = "wrong_state";
    public const string EnvironmentError = "environment_error";
    public const string InternalError = "internal_error";
}
