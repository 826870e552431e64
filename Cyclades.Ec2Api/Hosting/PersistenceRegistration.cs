using Cyclades.Logic;
using Cyclades.Logic.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cyclades.Ec2Api.Hosting;

internal static class PersistenceRegistration
{
    /// <summary>The database from <c>Cyclades:Database</c> (SQLite under <c>Cyclades:DataDirectory</c> by default).</summary>
    public static IServiceCollection AddCycladesPersistence(this IServiceCollection services)
    {
        services.AddValidatedOptions<CycladesOptions>(CycladesOptions.Section);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSingleton<IValidateOptions<CycladesOptions>, CycladesOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.TryAddSingleton(provider => DatabaseTarget.From(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            provider.GetRequiredService<IOptions<CycladesOptions>>().Value));
        services.TryAddSingleton<IDbConnectionFactory>(provider => new DbConnectionFactory(provider.GetRequiredService<DatabaseTarget>()));
        return services;
    }
}
