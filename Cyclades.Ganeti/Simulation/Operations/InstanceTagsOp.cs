using System.Text.Json;
using Cyclades.Ganeti.Rapi;
using Cyclades.Ganeti.Rapi.Models;

namespace Cyclades.Ganeti.Simulation.Operations;

/// <summary>
/// <c>OP_TAGS_SET</c> / <c>OP_TAGS_DEL</c> on an instance, as Ganeti lists them: <c>kind</c> and
/// <c>name</c>, no <c>instance_name</c>. Adding a tag the instance has changes nothing; removing one
/// it lacks fails the job (<c>unknown_entity</c>) and removes none.
/// </summary>
internal sealed class InstanceTagsOp(string instanceName, IReadOnlyList<string> tags, bool remove) : SimulatedOp
{
    /// <summary>Ganeti's <c>constants.MAX_TAGS_PER_OBJ</c>.</summary>
    public const int MaxTagsPerObject = 4096;

    public override string OpId => remove ? GanetiOpIds.TagsDelete : GanetiOpIds.TagsSet;
    public override string? InstanceName => instanceName;
    public override string RapiResource => "instances_name_tags";
    public override string CliCommand => remove ? "remove-tags" : "add-tags";
    protected override bool ListsInstanceName => false;

    protected override IEnumerable<KeyValuePair<string, JsonElement>> Parameters() =>
    [
        Parameter("kind", SimulatedJson.String("instance")),
        Parameter("name", SimulatedJson.String(instanceName)),
        Parameter("tags", SimulatedJson.Array(tags.Select(SimulatedJson.String).ToArray())),
    ];

    public override SimulatedOpResult Execute(SimulatedClusterState state, DateTimeOffset now)
    {
        var instance = RequireInstance(state, instanceName);
        if (tags.FirstOrDefault(tag => !GanetiTags.IsValid(tag)) is { } bad)
        {
            throw new SimulatedOpFailure(new GanetiOtherJobError("TagError", $"Invalid tag '{bad}'"));
        }
        if (remove)
        {
            var missing = tags.Where(tag => !instance.Tags.Contains(tag)).ToList();
            if (missing.Count > 0)
            {
                throw SimulatedOpFailure.Prerequisite($"Tag(s) {string.Join(", ", missing.Select(t => $"'{t}'"))} not found", GanetiErrorCodes.UnknownEntity);
            }
            instance.Tags.RemoveAll(tags.Contains);
        }
        else
        {
            var added = tags.Distinct().Where(tag => !instance.Tags.Contains(tag)).ToList();
            if (instance.Tags.Count + added.Count > MaxTagsPerObject)
            {
                throw new SimulatedOpFailure(new GanetiOtherJobError("TagError", "Too many tags"));
            }
            instance.Tags.AddRange(added);
        }
        instance.Touch(now);
        return SimulatedOpResult.Empty;
    }
}
