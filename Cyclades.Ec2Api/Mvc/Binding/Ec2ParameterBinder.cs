using System.Collections;
using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Protocol;

namespace Cyclades.Ec2Api.Mvc.Binding;

/// <summary>
/// Builds a request model from the flattened EC2 parameters, driven only by the model's declared
/// shape: <c>InstanceId.N</c> lists, <c>Filter.N.Name</c> / <c>Filter.N.Value.M</c> structures in lists,
/// <c>Placement.AvailabilityZone</c> / <c>InstanceType.Value</c> structures, and <c>X=</c> with no index
/// and no value as "not given" (AWSSDK.EC2 sends it for an empty list). A parameter the model does not
/// declare is <c>UnknownParameter</c>; a missing required one <c>MissingParameter</c>; a value that does
/// not read as its type, too long, or too many items <c>InvalidParameterValue</c>.
/// </summary>
public static class Ec2ParameterBinder
{
    public static T Bind<T>(Ec2Parameters parameters) where T : class => (T)Bind(typeof(T), parameters);

    public static object Bind(Type type, Ec2Parameters parameters)
    {
        var state = new BindingState(parameters);
        var model = BindStructure(Ec2StructureShape.For(type), "", state);
        // A misspelt name explains a "missing" one better, so unknown parameters are reported first.
        var unknown = parameters.Names.Where(n => !state.Consumed.Contains(n)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw Ec2Errors.UnknownParameter(unknown);
        }
        if (state.FirstMissing is not null)
        {
            throw Ec2Errors.MissingParameter(state.FirstMissing);
        }
        return model;
    }

    private static object BindStructure(Ec2StructureShape shape, string prefix, BindingState state)
    {
        var model = Activator.CreateInstance(shape.Type)!;
        foreach (var member in shape.Members)
        {
            var name = prefix + member.WireName;
            var value = member.Kind switch
            {
                Ec2MemberKind.Scalar => BindScalar(member, name, state),
                Ec2MemberKind.List => BindList(member, name, state),
                _ => BindNested(member, name, state),
            };
            if (value is not null)
            {
                member.Property.SetValue(model, value);
            }
            else if (member.Parameter.Required)
            {
                state.Missing(name);
            }
        }
        return model;
    }

    private static object? BindScalar(Ec2MemberShape member, string name, BindingState state)
    {
        var value = state.TakeSingle(name);
        return value is null ? null : Ec2ScalarParser.Parse(member.ValueType!, name, value, member.Parameter);
    }

    private static IList? BindList(Ec2MemberShape member, string name, BindingState state)
    {
        state.TakeIfEmpty(name);
        var indexes = state.Parameters.NamesUnder(name)
            .Select(key => ParseIndex(key[(name.Length + 1)..].Split('.')[0]))
            .Where(index => index > 0)
            .Distinct()
            .Order()
            .ToList();
        if (indexes.Count > member.Parameter.MaxItems)
        {
            throw Ec2Errors.InvalidParameterValue($"The parameter {name} has too many values: at most {member.Parameter.MaxItems} are allowed.");
        }
        if (indexes.Count == 0)
        {
            return null;
        }
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Property.PropertyType.GetGenericArguments()[0]))!;
        foreach (var index in indexes)
        {
            var itemName = $"{name}.{index}";
            if (member.Structure is not null)
            {
                list.Add(BindStructure(member.Structure, itemName + ".", state));
            }
            else if (state.TakeSingle(itemName) is { } value)
            {
                list.Add(Ec2ScalarParser.Parse(member.ValueType!, itemName, value, member.Parameter));
            }
        }
        return list;
    }

    private static object? BindNested(Ec2MemberShape member, string name, BindingState state)
    {
        state.TakeIfEmpty(name);
        return state.Parameters.NamesUnder(name).Any() ? BindStructure(member.Structure!, name + ".", state) : null;
    }

    /// <summary>A list index: 1, 2, … written without sign or leading zeros; anything else is 0 (not an index).</summary>
    private static int ParseIndex(string text) =>
        text.Length is > 0 and <= 9 && text[0] != '0' && text.All(char.IsAsciiDigit) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private sealed class BindingState(Ec2Parameters parameters)
    {
        public Ec2Parameters Parameters { get; } = parameters;
        public HashSet<string> Consumed { get; } = new(StringComparer.Ordinal);
        public string? FirstMissing { get; private set; }

        public void Missing(string name) => FirstMissing ??= name;

        /// <summary>The one value of <paramref name="name"/>, or null when absent.</summary>
        public string? TakeSingle(string name)
        {
            var values = Parameters.GetValues(name);
            if (values.Count == 0)
            {
                return null;
            }
            Consumed.Add(name);
            return values.Skip(1).All(v => v == values[0])
                ? values[0]
                : throw Ec2Errors.InvalidParameterValue($"The parameter {name} must be given only once.");
        }

        /// <summary><c>Name=</c> with no index and no value means "not given": accept it as such.</summary>
        public void TakeIfEmpty(string name)
        {
            var values = Parameters.GetValues(name);
            if (values.Count > 0 && values.All(v => v.Length == 0))
            {
                Consumed.Add(name);
            }
        }
    }
}
