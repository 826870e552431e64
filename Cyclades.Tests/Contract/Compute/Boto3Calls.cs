using System.Text.Json;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>One EC2 operation through boto3 (Contract/Python/boto3_call.py) against a test host.</summary>
public static class Boto3Calls
{
    /// <returns>The operation's parsed result; fails the test on an error.</returns>
    public static async Task<JsonElement> Boto3Async(this Ec2ApiHost host, TestUser user, string operation, object? parameters = null, string service = "ec2")
    {
        var output = await Boto3OutputAsync(host, user, operation, parameters, service);
        Assert.That(output.TryGetProperty("result", out var result), Is.True, output.ToString());
        return result;
    }

    /// <returns>(code, HTTP status) of the error boto3 raised; fails the test when the call succeeded.</returns>
    public static async Task<(string Code, int Status, string Message)> Boto3ErrorAsync(this Ec2ApiHost host, TestUser user, string operation,
        object? parameters = null, string service = "ec2")
    {
        var output = await Boto3OutputAsync(host, user, operation, parameters, service);
        Assert.That(output.TryGetProperty("error", out var error), Is.True, output.ToString());
        return (error.GetProperty("code").GetString()!, error.GetProperty("status").GetInt32(), error.GetProperty("message").GetString() ?? "");
    }

    private static Task<JsonElement> Boto3OutputAsync(Ec2ApiHost host, TestUser user, string operation, object? parameters, string service) =>
        Python.RunScriptAsync("boto3_call.py", new
        {
            endpoint = host.Endpoint.ToString(),
            service,
            key = user.AccessKeyId,
            secret = user.SecretAccessKey,
            operation,
            @params = parameters ?? new { },
        });
}
