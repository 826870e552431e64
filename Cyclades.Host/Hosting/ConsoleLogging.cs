using Microsoft.Extensions.Logging.Console;

namespace Cyclades.Host.Hosting;

/// <summary>
/// Console logs: readable lines on an interactive terminal, JSON lines (one object per line, with the
/// scopes: request id, user, action, job id) when the output goes to a file, a pipe or a log collector;
/// <c>Logging:Console:FormatterName</c> (<c>simple</c>, <c>json</c>, <c>systemd</c>) decides when set.
/// </summary>
public static class ConsoleLogging
{
    public const string FormatterSetting = "Logging:Console:FormatterName";

    public static WebApplicationBuilder AddCycladesConsoleLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders().AddConsole();
        if (string.IsNullOrEmpty(builder.Configuration[FormatterSetting]))
        {
            var formatter = DefaultFormatter(Console.IsOutputRedirected);
            builder.Services.Configure<ConsoleLoggerOptions>(console => console.FormatterName = formatter);
        }
        builder.Services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // per-request framework chatter
        }
        return builder;
    }

    /// <summary>The formatter when none is configured: JSON unless a person is reading the terminal.</summary>
    public static string DefaultFormatter(bool outputRedirected) =>
        outputRedirected ? ConsoleFormatterNames.Json : ConsoleFormatterNames.Simple;
}
