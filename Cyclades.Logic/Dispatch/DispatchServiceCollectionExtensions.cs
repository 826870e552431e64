using Cyclades.Logic.Configuration;
using Cyclades.Logic.Diagnostics;
using Cyclades.Logic.Events;
using Cyclades.Logic.Reconciliation;
using Cyclades.Logic.Servers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cyclades.Logic.Dispatch;

public static class DispatchServiceCollectionExtensions
{
    /// <summary>
    /// Runs the dispatcher (<see cref="DispatcherService"/>) and periodic reconciliation
    /// (<see cref="ReconciliationService"/>) in this host. Needs <c>AddCycladesLogic</c>.
    /// Tools that only reconcile on demand use <see cref="BackendReconciler"/> without this.
    /// </summary>
    public static IServiceCollection AddCycladesDispatcher(this IServiceCollection services)
    {
        services.TryAddSingleton<DispatcherService>();
        services.AddHostedService(sp => sp.GetRequiredService<DispatcherService>());
        services.AddHostedService<ReconciliationService>();
        return services;
    }

    /// <summary>What the commands, the dispatcher and reconciliation share (part of <c>AddCycladesLogic</c>).</summary>
    internal static IServiceCollection AddCycladesDispatchCore(this IServiceCollection services)
    {
        services.AddValidatedOptions<DispatcherOptions, DispatcherOptionsValidator>(DispatcherOptions.Section);
        services.AddValidatedOptions<ReconciliationOptions, ReconciliationOptionsValidator>(ReconciliationOptions.Section);
        services.AddMetrics();
        services.TryAddSingleton<LogicMetrics>();
        services.TryAddSingleton<JobSubmissions>();
        services.TryAddSingleton<DispatcherLeases>();
        services.TryAddSingleton<DispatcherLeadership>();
        services.TryAddSingleton<EventDelivery>();
        services.TryAddSingleton<InventoryFixer>();
        services.TryAddSingleton<ReconciliationFixer>();
        services.TryAddSingleton<BackendReconciler>();
        return services;
    }
}
