using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Actions.Tags;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Ec2Api.Actions;

public static class ActionServices
{
    /// <summary>The helpers the action controllers share.</summary>
    public static IServiceCollection AddEc2ActionServices(this IServiceCollection services)
    {
        services.AddSingleton<PageTokens>();
        services.AddSingleton<InstanceLookup>();
        services.AddSingleton<InstancePages>();
        services.AddSingleton<InstanceRenderer>();
        services.AddSingleton<TaggableResources>();
        services.AddSingleton<SecurityGroupNetworks>();
        services.AddSingleton<SecurityGroupLookup>();
        services.AddSingleton<SecurityGroupRenderer>();
        services.AddSingleton<RulePermissions>();
        services.AddSingleton<InstanceSecurityGroups>();
        return services;
    }
}
