using Cyclades.Logic.Tags;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Common;

/// <summary>AWS's limits on tags: keys of 1 to 128 characters not starting with <c>aws:</c>, values of at most 256.</summary>
public static class TagRules
{
    public const string ReservedPrefix = "aws:";

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<TagParameter>> MustBeValidTags<T>(
        this IRuleBuilder<T, IReadOnlyList<TagParameter>> rule, bool valueRequired = false) =>
        rule.Custom((tags, context) =>
        {
            foreach (var tag in tags)
            {
                if (Problem(tag, valueRequired) is { } problem)
                {
                    context.AddFailure("Tag", problem);
                    return;
                }
            }
        });

    /// <summary>Tag specifications name a resource type this request creates, and carry valid tags.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<TagSpecificationParameter>> MustTag<T>(
        this IRuleBuilder<T, IReadOnlyList<TagSpecificationParameter>> rule, params string[] resourceTypes) =>
        rule.Custom((specifications, context) =>
        {
            foreach (var specification in specifications)
            {
                if (!resourceTypes.Contains(specification.ResourceType))
                {
                    context.AddFailure("TagSpecification",
                        $"'{specification.ResourceType}' is not a valid taggable resource type for this operation: only {string.Join(", ", resourceTypes.Select(t => $"'{t}'"))} {(resourceTypes.Length == 1 ? "is" : "are")} supported.");
                    return;
                }
                if (specification.Tags.Select(t => Problem(t, valueRequired: false)).FirstOrDefault(p => p is not null) is { } problem)
                {
                    context.AddFailure("Tag", problem);
                    return;
                }
            }
        });

    /// <summary>The tags of the specifications, as tags to set.</summary>
    public static IReadOnlyList<Tag> TagsOf(IReadOnlyList<TagSpecificationParameter> specifications) =>
        TagParameter.ToTags(specifications.SelectMany(s => s.Tags));

    /// <summary>The tags of the specifications for one resource type, when a request creates several kinds.</summary>
    public static IReadOnlyList<Tag> TagsOf(IReadOnlyList<TagSpecificationParameter> specifications, string resourceType) =>
        TagsOf(specifications.Where(s => s.ResourceType == resourceType).ToList());

    private static string? Problem(TagParameter tag, bool valueRequired) => tag switch
    {
        { Key: null or "" } => "Tag key must not be empty.",
        { Key.Length: > TagService.MaxKeyLength } => $"Tag key exceeds the maximum length of {TagService.MaxKeyLength} characters",
        _ when tag.Key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase) => "Tag keys starting with 'aws:' are reserved for internal use",
        { Value.Length: > TagService.MaxValueLength } => $"Tag value exceeds the maximum length of {TagService.MaxValueLength} characters",
        { Value: null } when valueRequired => $"Tag value for key '{tag.Key}' is missing.",
        _ => null,
    };
}
