using System.Net;
using System.Text.Json;
using Cyclades.Ganeti.Configuration;
using Cyclades.Ganeti.Simulation;
using Cyclades.Ganeti.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

// A simulated Ganeti cluster served over HTTPS as its own process (Cyclades.Ganeti/README.md,
// "The simulator as a server"): the service's nodes reach it as they reach a real cluster's RAPI.
var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration;
var address = IPAddress.Parse(settings["Address"] ?? "127.0.0.1");
var port = settings.GetValue("Port", 5080);
var clusterName = settings["ClusterName"] ?? GanetiOptions.DefaultSimulatedClusterName;
var faultOptions = settings.GetSection("Faults").Get<FaultOptions>() ?? new FaultOptions();
if (faultOptions.Problems().ToList() is { Count: > 0 } problems)
{
    Console.Error.WriteLine($"Cyclades.Ganeti.Simulator: {string.Join("; ", problems)}");
    return 1;
}

var certificate = SelfSignedCertificate.Create(address.ToString());
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port, listen => listen.UseHttps(certificate)));
builder.Services.AddCycladesGaneti(settings);
builder.Services.AddSingleton(new FaultInjector(faultOptions));
builder.Services.AddSingleton(provider => new RapiForwarding(
    provider.GetRequiredService<SimulatedClusterRegistry>().GetOrCreate(clusterName), provider.GetRequiredService<FaultInjector>()));

var app = builder.Build();
try
{
    _ = app.Services.GetRequiredService<IOptions<GanetiOptions>>().Value;
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"Cyclades.Ganeti.Simulator: {string.Join("; ", e.Failures)}");
    return 1;
}

// Outside the RAPI's paths: the fault counters, and the fault rates changed at run time.
app.MapGet("/_simulator/faults", (FaultInjector faults) => Results.Json(new { faults.Options, faults.Counts }));
app.MapPut("/_simulator/faults", (FaultOptions options, FaultInjector faults) =>
{
    if (options.Problems().ToList() is { Count: > 0 } invalid)
    {
        return Results.BadRequest(new { errors = invalid });
    }
    faults.Options = options;
    return Results.Json(new { faults.Options, faults.Counts });
});
app.Map("/{**path}", (HttpContext context, RapiForwarding rapi) => rapi.HandleAsync(context));

await app.StartAsync();
var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var fingerprint = SelfSignedCertificate.Fingerprint(certificate);
Console.WriteLine($"Simulated Ganeti cluster '{clusterName}' serving its RAPI at {url} (certificate SHA-256 {fingerprint})");
if (settings["ReadyFile"] is { Length: > 0 } readyFile)
{
    await File.WriteAllTextAsync(readyFile, JsonSerializer.Serialize(new { url, fingerprint, clusterName }));
}
await app.WaitForShutdownAsync();
return 0;
