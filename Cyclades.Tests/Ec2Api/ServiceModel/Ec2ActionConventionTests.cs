using System.Reflection;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Ec2Api.Protocol;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Ec2Api.ServiceModel;

/// <summary>The conventions that let a reader find an action by name and that the pipeline relies on.</summary>
[Category("Unit")]
public sealed class Ec2ActionConventionTests
{
    private static IEnumerable<MethodInfo> ActionMethods() =>
        typeof(Ec2Controller).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Ec2Controller)))
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<Ec2ActionAttribute>() is not null);

    [TestCaseSource(nameof(ActionMethods))]
    public void An_action_takes_its_request_returns_its_response_and_is_an_ec2_operation(MethodInfo method)
    {
        var action = method.GetCustomAttribute<Ec2ActionAttribute>()!.Name;
        var parameter = method.GetParameters().Single(p => p.ParameterType != typeof(CancellationToken)).ParameterType;
        var returns = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : method.ReturnType;

        Assert.That(Ec2OperationNames.IsEc2Operation(action), Is.True);
        Assert.That(parameter.Name, Is.EqualTo(action + "Request"));
        Assert.That(returns == typeof(Ec2ReturnResponse) || returns.Name == action + "Response", Is.True, returns.Name);
        Assert.That(parameter.Namespace, Is.EqualTo(method.DeclaringType!.Namespace), "request beside its controller");
        Assert.That(() => Ec2StructureShape.For(parameter), Throws.Nothing);
    }

    [Test]
    public void Every_request_has_a_registered_validator()
    {
        var services = new ServiceCollection();
        services.AddValidatorsFromAssemblyContaining<Ec2Controller>();
        var registered = services.Select(s => s.ServiceType).ToHashSet();

        var requests = typeof(Ec2Controller).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Ec2Request)) && !t.IsAbstract).ToList();

        Assert.That(requests, Is.Not.Empty);
        Assert.That(requests.Where(r => !registered.Contains(typeof(IValidator<>).MakeGenericType(r))), Is.Empty);
    }

    [Test]
    public void The_embedded_operation_list_is_the_ec2_api() =>
        Assert.That(Ec2OperationNames.All, Has.Count.GreaterThan(700).And.Contains("RunInstances").And.Contains("DescribeRegions"));
}
