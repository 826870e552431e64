using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>EC2 operations and waiters through boto3 (Contract/Python/boto3_call.py) against a test host.</summary>
public static class Boto3Calls
{
    /// <returns>The operation's parsed result; fails the test on an error.</returns>
    public static async Task<JsonElement> Boto3Async(this Ec2ApiHost host, TestUser user, string operation, object? parameters = null, string service = "ec2") =>
        Result(await Boto3OutputAsync(host, user, operation, parameters, service));

    /// <returns>(code, HTTP status) of the error boto3 raised; fails the test when the call succeeded.</returns>
    public static async Task<(string Code, int Status, string Message)> Boto3ErrorAsync(this Ec2ApiHost host, TestUser user, string operation,
        object? parameters = null, string service = "ec2")
    {
        var output = await Boto3OutputAsync(host, user, operation, parameters, service);
        Assert.That(output.TryGetProperty("error", out var error), Is.True, output.ToString());
        return (error.GetProperty("code").GetString()!, error.GetProperty("status").GetInt32(), error.GetProperty("message").GetString() ?? "");
    }

    /// <summary>The ids of the instances boto3's describe_instances finds with one filter (one page: the caller's few instances).</summary>
    public static async Task<IReadOnlyList<string?>> Boto3InstanceIdsAsync(this Ec2ApiHost host, TestUser user, string filter, string value) =>
        (await host.Boto3Async(user, "describe_instances", new { Filters = new[] { new { Name = filter, Values = new[] { value } } } }))
            .GetProperty("Reservations").EnumerateArray()
            .SelectMany(r => r.GetProperty("Instances").EnumerateArray().Select(i => i.GetProperty("InstanceId").GetString()))
            .ToList();

    /// <summary>Runs a boto3 waiter (e.g. <c>instance_terminated</c>) polling every second; fails the test if it gives up.</summary>
    public static async Task Boto3WaitAsync(this Ec2ApiHost host, TestUser user, string waiter, object parameters) =>
        _ = Result(await Python.RunScriptAsync("boto3_call.py", Input(host, user, parameters, ("waiter", waiter))));

    /// <summary>Runs a boto3 waiter that must give up (a terminal failure state); returns botocore's message, which names what it matched.</summary>
    public static async Task<string> Boto3WaitFailsAsync(this Ec2ApiHost host, TestUser user, string waiter, object parameters)
    {
        var output = await Python.RunScriptAsync("boto3_call.py", Input(host, user, parameters, ("waiter", waiter)));
        Assert.That(output.TryGetProperty("error", out var error), Is.True, output.ToString());
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("WaiterError"));
        return error.GetProperty("message").GetString() ?? "";
    }

    /// <summary>
    /// run_instances, then at once terminate_instances of what it launched, in one boto3 process
    /// (Contract/Python/boto3_run_then_terminate.py): <c>{run, terminate}</c>, the two results.
    /// </summary>
    public static async Task<JsonElement> Boto3RunThenTerminateAsync(this Ec2ApiHost host, TestUser user, object runParameters) =>
        Result(await Python.RunScriptAsync("boto3_run_then_terminate.py", Input(host, user, runParameters, call: null)));

    private static JsonElement Result(JsonElement output)
    {
        Assert.That(output.TryGetProperty("result", out var result), Is.True, output.ToString());
        return result;
    }

    private static Task<JsonElement> Boto3OutputAsync(Ec2ApiHost host, TestUser user, string operation, object? parameters, string service)
    {
        var input = Input(host, user, parameters, ("operation", operation));
        input["service"] = service;
        return Python.RunScriptAsync("boto3_call.py", input);
    }

    /// <param name="call">("operation", name) or ("waiter", name) for boto3_call.py.</param>
    private static Dictionary<string, object> Input(Ec2ApiHost host, TestUser user, object? parameters, (string Kind, string Name)? call)
    {
        var input = new Dictionary<string, object>
        {
            ["endpoint"] = host.Endpoint.ToString(),
            ["key"] = user.AccessKeyId,
            ["secret"] = user.SecretAccessKey,
            ["params"] = parameters ?? new { },
        };
        if (call is { } named)
        {
            input[named.Kind] = named.Name;
        }
        return input;
    }
}
