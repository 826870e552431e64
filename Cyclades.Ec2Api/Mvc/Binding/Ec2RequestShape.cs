using System.Collections.Concurrent;
using System.Reflection;

namespace Cyclades.Ec2Api.Mvc.Binding;

public enum Ec2MemberKind
{
    Scalar,
    List,
    Structure,
}

/// <summary>One bindable member: its property, wire name, kind and the type it is read as.</summary>
/// <param name="ValueType">The scalar type (of the item, for a list), without <see cref="Nullable{T}"/>.</param>
/// <param name="Structure">For a structure, or a list of structures: its members.</param>
public sealed record Ec2MemberShape(
    PropertyInfo Property,
    Ec2ParameterAttribute Parameter,
    Ec2MemberKind Kind,
    Type? ValueType,
    Ec2StructureShape? Structure)
{
    public string WireName => Parameter.Name;
}

/// <summary>
/// The members of a request model or of a structure inside one, read once per type from its declared
/// property types. A property without <see cref="Ec2ParameterAttribute"/> or of a type the binder cannot
/// read is a programming error, reported when the shape is first built.
/// </summary>
public sealed class Ec2StructureShape
{
    private static readonly ConcurrentDictionary<Type, Ec2StructureShape> Cache = new();

    public static readonly IReadOnlySet<Type> ScalarTypes = new HashSet<Type>
    {
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(DateTimeOffset), typeof(byte[]),
    };

    private Ec2StructureShape(Type type, IReadOnlyList<Ec2MemberShape> members)
    {
        Type = type;
        Members = members;
    }

    public Type Type { get; }

    public IReadOnlyList<Ec2MemberShape> Members { get; }

    public static Ec2StructureShape For(Type type) => Cache.GetOrAdd(type, Build);

    private static Ec2StructureShape Build(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"{type.Name} needs a public parameterless constructor to be bound from EC2 parameters.");
        }
        var members = new List<Ec2MemberShape>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var parameter = property.GetCustomAttribute<Ec2ParameterAttribute>()
                ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no [Ec2Parameter] naming its wire name.");
            members.Add(Member(type, property, parameter));
        }
        var duplicate = members.GroupBy(m => m.WireName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{type.Name} binds the wire name {duplicate.Key} twice.");
        }
        return new Ec2StructureShape(type, members);
    }

    private static Ec2MemberShape Member(Type owner, PropertyInfo property, Ec2ParameterAttribute parameter)
    {
        var type = property.PropertyType;
        if (Scalar(type) is { } scalar)
        {
            return new Ec2MemberShape(property, parameter, Ec2MemberKind.Scalar, scalar, null);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            return Scalar(item) is { } itemScalar
                ? new Ec2MemberShape(property, parameter, Ec2MemberKind.List, itemScalar, null)
                : new Ec2MemberShape(property, parameter, Ec2MemberKind.List, null, For(item));
        }
        if (type.IsClass && !type.IsAbstract)
        {
            return new Ec2MemberShape(property, parameter, Ec2MemberKind.Structure, null, For(type));
        }
        throw new InvalidOperationException(
            $"{owner.Name}.{property.Name} has type {type.Name}: use a scalar ({string.Join(", ", ScalarTypes.Select(t => t.Name))}), IReadOnlyList<T> or a structure class.");
    }

    private static Type? Scalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return ScalarTypes.Contains(underlying) ? underlying : null;
    }
}
