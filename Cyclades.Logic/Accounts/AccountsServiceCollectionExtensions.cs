using Cyclades.Logic.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cyclades.Logic.Accounts;

internal static class AccountsServiceCollectionExtensions
{
    /// <summary>The account store and service; part of <c>AddCycladesLogic</c>.</summary>
    public static IServiceCollection AddCycladesAccounts(this IServiceCollection services)
    {
        services.AddValidatedOptions<BootstrapOptions, BootstrapOptionsValidator>(BootstrapOptions.Section);
        services.TryAddSingleton<AccessKeyCache>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<IAccountService>(provider => provider.GetRequiredService<AccountService>());
        services.TryAddSingleton<IAccessKeyResolver>(provider => provider.GetRequiredService<AccountService>());
        services.TryAddSingleton<AccountBootstrapper>();
        return services;
    }
}
