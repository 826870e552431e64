using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Rapi.Json;

/// <summary><c>[seconds, microseconds]</c>.</summary>
internal sealed class GanetiTimestampConverter : JsonConverter<GanetiTimestamp>
{
    public override GanetiTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var array = JsonElement.ParseValue(ref reader);
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != 2)
        {
            throw new JsonException($"a Ganeti timestamp is [seconds, microseconds], not {array.GetRawText()}");
        }
        return new GanetiTimestamp(array[0].GetInt64(), array[1].GetInt64());
    }

    public override void Write(Utf8JsonWriter writer, GanetiTimestamp value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Seconds);
        writer.WriteNumberValue(value.Microseconds);
        writer.WriteEndArray();
    }
}

/// <summary><c>[source, text, nanoseconds]</c>; the nanoseconds are read as Int64, never as a double.</summary>
internal sealed class GanetiReasonConverter : JsonConverter<GanetiReason>
{
    public override GanetiReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var array = JsonElement.ParseValue(ref reader);
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != 3)
        {
            throw new JsonException($"a Ganeti reason is [source, text, nanoseconds], not {array.GetRawText()}");
        }
        return new GanetiReason(array[0].GetString() ?? "", array[1].GetString() ?? "", array[2].GetInt64());
    }

    public override void Write(Utf8JsonWriter writer, GanetiReason value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Source);
        writer.WriteStringValue(value.Text);
        writer.WriteNumberValue(value.TimestampNanoseconds);
        writer.WriteEndArray();
    }
}

/// <summary><c>[serial, [seconds, microseconds], type, message]</c>.</summary>
internal sealed class GanetiJobLogEntryConverter : JsonConverter<GanetiJobLogEntry>
{
    private static readonly GanetiTimestampConverter Timestamps = new();

    public override GanetiJobLogEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var array = JsonElement.ParseValue(ref reader);
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != 4)
        {
            throw new JsonException($"a Ganeti log entry is [serial, time, type, message], not {array.GetRawText()}");
        }
        var time = array[1];
        return new GanetiJobLogEntry(
            array[0].GetInt64(),
            new GanetiTimestamp(time[0].GetInt64(), time[1].GetInt64()),
            array[2].GetString() ?? "",
            array[3].Clone());
    }

    public override void Write(Utf8JsonWriter writer, GanetiJobLogEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Serial);
        Timestamps.Write(writer, value.Time, options);
        writer.WriteStringValue(value.Type);
        value.Message.WriteTo(writer);
        writer.WriteEndArray();
    }
}

/// <summary>
/// A disk's or NIC's change, <c>[action, identifier, parameters]</c>; an integer identifier (as
/// <c>gnt-instance modify</c> sends <c>-1</c>) is read as its digits.
/// </summary>
internal abstract class ChangeTupleConverter<TChange, TParameters> : JsonConverter<TChange>
{
    protected abstract string Kind { get; }

    protected abstract JsonTypeInfo<TParameters> ParametersInfo { get; }

    protected abstract TChange Create(string action, string identifier, TParameters parameters);

    protected abstract (string Action, string Identifier, TParameters Parameters) Parts(TChange change);

    public override TChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var array = JsonElement.ParseValue(ref reader);
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != 3 || array[0].ValueKind != JsonValueKind.String
            || array[2].ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"a {Kind} change is [action, identifier, parameters], not {array.GetRawText()}");
        }
        var identifier = array[1].ValueKind switch
        {
            JsonValueKind.String => array[1].GetString()!,
            JsonValueKind.Number => array[1].GetRawText(),
            _ => throw new JsonException($"a {Kind} identifier is an index, a name or a UUID, not {array[1].GetRawText()}"),
        };
        var parameters = array[2].Deserialize(ParametersInfo) ?? throw new JsonException($"{Kind} parameters are an object");
        return Create(array[0].GetString()!, identifier, parameters);
    }

    public override void Write(Utf8JsonWriter writer, TChange value, JsonSerializerOptions options)
    {
        var (action, identifier, parameters) = Parts(value);
        writer.WriteStartArray();
        writer.WriteStringValue(action);
        writer.WriteStringValue(identifier);
        JsonSerializer.Serialize(writer, parameters, ParametersInfo);
        writer.WriteEndArray();
    }
}

internal sealed class InstanceDiskChangeConverter : ChangeTupleConverter<InstanceDiskChange, InstanceDiskParameters>
{
    protected override string Kind => "disk";

    protected override JsonTypeInfo<InstanceDiskParameters> ParametersInfo => RapiJsonContext.Default.InstanceDiskParameters;

    protected override InstanceDiskChange Create(string action, string identifier, InstanceDiskParameters parameters) =>
        new(action, identifier, parameters);

    protected override (string, string, InstanceDiskParameters) Parts(InstanceDiskChange change) =>
        (change.Action, change.Identifier, change.Parameters);
}

internal sealed class InstanceNicChangeConverter : ChangeTupleConverter<InstanceNicChange, InstanceNicSpec>
{
    protected override string Kind => "NIC";

    protected override JsonTypeInfo<InstanceNicSpec> ParametersInfo => RapiJsonContext.Default.InstanceNicSpec;

    protected override InstanceNicChange Create(string action, string identifier, InstanceNicSpec parameters) =>
        new(action, identifier, parameters);

    protected override (string, string, InstanceNicSpec) Parts(InstanceNicChange change) =>
        (change.Action, change.Identifier, change.Parameters);
}
