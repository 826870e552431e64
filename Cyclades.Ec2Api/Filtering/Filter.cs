using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Filtering;

/// <summary>One <c>Filter.N</c> of a Describe request: <c>Filter.N.Name</c> and <c>Filter.N.Value.M</c>.</summary>
public sealed class Filter
{
    [Ec2Parameter("Name", Required = true)]
    public string Name { get; init; } = "";

    [Ec2Parameter("Value", MaxItems = 200)]
    public IReadOnlyList<string> Values { get; init; } = [];
}
