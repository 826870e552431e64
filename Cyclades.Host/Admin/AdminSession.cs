using System.CommandLine;
using Cyclades.Host.Admin.Output;
using Cyclades.Host.Hosting;
using Cyclades.Logic.Persistence;
using Cyclades.Logic.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Cyclades.Host.Admin;

/// <summary>
/// One run of the admin command line. The service's composition (logic core and Ganeti drivers) is
/// built from exactly the service's configuration — appsettings.json, appsettings.{Environment}.json,
/// environment variables and <c>--Cyclades:…=…</c> arguments — when a command first needs it.
/// </summary>
public sealed class AdminSession(IReadOnlyList<string> configurationArguments, TextWriter output, TextWriter error) : IAsyncDisposable
{
    private WebApplication? _app;

    public static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print JSON instead of a table.",
        Recursive = true,
    };

    public static readonly Option<bool> VerboseOption = new("--verbose", "-v")
    {
        Description = "Also log informational messages (on standard error).",
        Recursive = true,
    };

    public T Get<T>() where T : notnull => _app!.Services.GetRequiredService<T>();

    /// <summary>Standard error, for notes beside a command's output.</summary>
    public TextWriter Error => error;

    /// <summary>
    /// Sets the action of <paramref name="command"/>: it runs with the services built (and, unless
    /// <paramref name="needsCurrentSchema"/> is false, a migrated database); any failure is one line
    /// on standard error and exit code 1.
    /// </summary>
    public void Handle(Command command, Func<ParseResult, AdminOutput, CancellationToken, Task<int>> run, bool needsCurrentSchema = true) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                _app ??= Build(parse.GetValue(VerboseOption));
                if (needsCurrentSchema && new SchemaMigrator(Get<DatabaseTarget>()).HasPendingMigrations())
                {
                    throw new AdminException("the database schema is not up to date: run 'manage migrate' (or start the service) first.");
                }
                return await run(parse, new AdminOutput(output, parse.GetValue(JsonOption)), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync($"{AdminCommandLine.Name}: {AdminErrors.Describe(e)}");
                return 1;
            }
        });

    private WebApplication Build(bool verbose)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. configurationArguments] });
        builder.Logging.ClearProviders()
            .AddConsole(console =>
            {
                console.FormatterName = OneLineLogFormatter.FormatterName;
                console.LogToStandardErrorThreshold = LogLevel.Trace;
            })
            .AddConsoleFormatter<OneLineLogFormatter, ConsoleFormatterOptions>();
        // The service's Logging settings are for the service; here warnings (or --verbose) go to stderr.
        builder.Services.Configure<LoggerFilterOptions>(filters =>
        {
            filters.Rules.Clear();
            filters.MinLevel = verbose ? LogLevel.Information : LogLevel.Warning;
        });
        builder.Services.AddCycladesCore(builder.Configuration);
        var app = builder.Build();
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.Services.GetRequiredService<SecretProtector>();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
