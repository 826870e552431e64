using Cyclades.Logic.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// The account store and service. Expects <see cref="IDbConnectionFactory"/>, <see cref="DatabaseTarget"/>
    /// and the <see cref="CycladesOptions"/>, <see cref="SecretsOptions"/> and <see cref="BootstrapOptions"/>
    /// options to be registered by the host.
    /// </summary>
    public static IServiceCollection AddCycladesAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<SecretsOptions>, SecretsOptionsValidator>();
        services.AddSingleton<IValidateOptions<BootstrapOptions>, BootstrapOptionsValidator>();
        services.AddSingleton(provider => new SecretProtector(SecretsKeyStore.Load(
            provider.GetRequiredService<IOptions<SecretsOptions>>().Value,
            provider.GetRequiredService<IOptions<CycladesOptions>>().Value,
            provider.GetRequiredService<DatabaseTarget>().Provider)));
        services.AddSingleton<AccessKeyCache>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<IAccountService>(provider => provider.GetRequiredService<AccountService>());
        services.AddSingleton<IAccessKeyResolver>(provider => provider.GetRequiredService<AccountService>());
        services.AddSingleton<AccountBootstrapper>();
        return services;
    }
}
