using Cyclades.Host.Admin;
using Cyclades.Host.Hosting;

// The EC2 endpoint. With no configuration: http://127.0.0.1:8773, SQLite under ./data.
// Settings live under "Cyclades:" (appsettings.json, environment Cyclades__…, or --Cyclades:…=…).
// "manage …" is the operator's command line, over the same configuration.
if (AdminCommandLine.IsAdminCommand(args))
{
    return await AdminCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCycladesHost();

var app = builder.Build();
app.UseCycladesHost();

return await app.RunCycladesAsync();

/// <summary>The entry point, visible to the tests' host fixture (WebApplicationFactory).</summary>
public partial class Program;
