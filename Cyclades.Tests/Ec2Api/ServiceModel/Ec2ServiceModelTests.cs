using System.Reflection;
using System.Text.Json;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Mvc.Xml;

namespace Cyclades.Tests.Ec2Api.ServiceModel;

/// <summary>
/// Like moto, checks our hand-written request and response classes against EC2's service model, so
/// that wire names, <c>item</c> wrappers and member kinds cannot drift from what the SDKs expect.
/// </summary>
[Category("Contract")]
public sealed class Ec2ServiceModelTests
{
    private static readonly Assembly Api = typeof(Ec2Controller).Assembly;

    private static IEnumerable<Type> ResponseTypes() =>
        Api.GetTypes().Where(t => t.IsSubclassOf(typeof(Ec2Response)) && !t.IsAbstract && t != typeof(Ec2ReturnResponse));

    private static IEnumerable<Type> RequestTypes() => Api.GetTypes().Where(t => t.IsSubclassOf(typeof(Ec2Request)) && !t.IsAbstract);

    [TestCaseSource(nameof(ResponseTypes))]
    public async Task Response_elements_are_the_models_location_names(Type response)
    {
        var model = await Ec2ServiceModel.LoadAsync();
        var operation = Strip(response.Name, "Response");
        Assert.That(model.HasOperation(operation), Is.True, $"{operation} is not an EC2 operation");

        var problems = new List<string>();
        CheckOutput(model, response, model.OutputShape(operation)!.Value, operation, problems);

        Assert.That(problems, Is.Empty);
    }

    [TestCaseSource(nameof(RequestTypes))]
    public async Task Request_parameters_are_the_names_the_sdks_send(Type request)
    {
        var model = await Ec2ServiceModel.LoadAsync();
        var operation = Strip(request.Name, "Request");
        Assert.That(model.HasOperation(operation), Is.True, $"{operation} is not an EC2 operation");

        var problems = new List<string>();
        CheckInput(model, Ec2StructureShape.For(request), model.InputShape(operation)!.Value, operation, problems);

        Assert.That(problems, Is.Empty);
    }

    private static void CheckOutput(Ec2ServiceModel model, Type type, JsonElement shape, string path, List<string> problems)
    {
        var members = shape.GetProperty("members").EnumerateObject()
            .ToDictionary(m => m.Value.TryGetProperty("locationName", out var name) ? name.GetString()! : m.Name, m => m.Value);
        foreach (var (property, element) in Ec2XmlSerializer.ElementsOf(type))
        {
            var where = $"{path}.{element}";
            if (!members.TryGetValue(element, out var reference))
            {
                problems.Add($"{where}: no such element in the model");
                continue;
            }
            var target = model.Target(reference);
            var clr = property.PropertyType;
            if (clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                var listMember = target.GetProperty("member");
                if (Kind(target) != "list" || listMember.GetProperty("locationName").GetString() != "item")
                {
                    problems.Add($"{where}: the model has a {Kind(target)} without <item> entries");
                    continue;
                }
                CheckOutputValue(model, clr.GetGenericArguments()[0], model.Target(listMember), where + ".item", problems);
            }
            else
            {
                CheckOutputValue(model, clr, target, where, problems);
            }
        }
    }

    private static void CheckOutputValue(Ec2ServiceModel model, Type clr, JsonElement target, string where, List<string> problems)
    {
        if (ScalarKind(clr) is { } scalar)
        {
            if (!scalar.Contains(Kind(target)))
            {
                problems.Add($"{where}: {clr.Name} but the model says {Kind(target)}");
            }
        }
        else if (Kind(target) == "structure")
        {
            CheckOutput(model, clr, target, where, problems);
        }
        else
        {
            problems.Add($"{where}: {clr.Name} but the model says {Kind(target)}");
        }
    }

    private static void CheckInput(Ec2ServiceModel model, Ec2StructureShape shape, JsonElement modelShape, string path, List<string> problems)
    {
        // botocore's EC2Serializer: queryName, else locationName with a capital first letter, else the member name.
        var members = modelShape.GetProperty("members").EnumerateObject().ToDictionary(m => SerializedName(m.Name, m.Value), m => m.Value);
        foreach (var member in shape.Members)
        {
            var where = $"{path}.{member.WireName}";
            if (!members.TryGetValue(member.WireName, out var reference))
            {
                problems.Add($"{where}: no such parameter in the model");
                continue;
            }
            var target = model.Target(reference);
            var expected = member.Kind switch
            {
                Ec2MemberKind.List => "list",
                Ec2MemberKind.Structure => "structure",
                _ => null,
            };
            if (expected is not null && Kind(target) != expected)
            {
                problems.Add($"{where}: bound as {expected} but the model says {Kind(target)}");
                continue;
            }
            var valueShape = member.Kind == Ec2MemberKind.List ? model.Target(target.GetProperty("member")) : target;
            if (member.Structure is not null)
            {
                CheckInput(model, member.Structure, valueShape, where, problems);
            }
            else if (!ScalarKind(member.ValueType!)!.Contains(Kind(valueShape)))
            {
                problems.Add($"{where}: {member.ValueType!.Name} but the model says {Kind(valueShape)}");
            }
        }
    }

    private static string SerializedName(string memberName, JsonElement reference) =>
        reference.TryGetProperty("queryName", out var query) ? query.GetString()!
        : reference.TryGetProperty("locationName", out var location) ? char.ToUpperInvariant(location.GetString()![0]) + location.GetString()![1..]
        : memberName;

    private static string Kind(JsonElement shape) => shape.GetProperty("type").GetString()!;

    private static string[]? ScalarKind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => ["string"],
        var t when t == typeof(bool) => ["boolean"],
        var t when t == typeof(int) => ["integer"],
        var t when t == typeof(long) => ["long", "integer"],
        var t when t == typeof(double) => ["double", "float"],
        var t when t == typeof(DateTimeOffset) => ["timestamp"],
        var t when t == typeof(byte[]) => ["blob", "string"],
        _ => null,
    };

    private static string Strip(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
}
