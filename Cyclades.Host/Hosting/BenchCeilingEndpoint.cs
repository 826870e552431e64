using Cyclades.Ec2Api.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cyclades.Host.Hosting;

/// <summary>
/// For the benchmark (<c>bench/</c>) only: with <c>Cyclades:Bench:CeilingEndpoint=true</c>,
/// <c>/__bench/ceiling</c> answers every GET or POST with the bytes last PUT to it, ahead of the EC2
/// protocol — what the transport alone costs in this process, serving the same answer. Off unless
/// configured; never enable it on a service others can reach.
/// </summary>
public static class BenchCeilingEndpoint
{
    public const string SettingKey = "Cyclades:Bench:CeilingEndpoint";
    public const string Path = "/__bench/ceiling";

    public static WebApplication MapBenchCeilingIfEnabled(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(SettingKey))
        {
            return app;
        }
        app.Logger.LogWarning("The benchmark ceiling endpoint {Path} is enabled ({Setting})", Path, SettingKey);
        byte[] answer = [];
        app.Map(Path, branch => branch.Run(async http =>
        {
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            if (HttpMethods.IsPut(http.Request.Method))
            {
                Volatile.Write(ref answer, body.ToArray());
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
            var bytes = Volatile.Read(ref answer);
            http.Response.ContentType = Ec2ErrorRenderer.ContentType;
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }));
        return app;
    }
}
