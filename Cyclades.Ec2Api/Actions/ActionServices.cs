using Cyclades.Ec2Api.Actions.Addresses;
using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.NetworkInterfaces;
using Cyclades.Ec2Api.Actions.Subnets;
using Cyclades.Ec2Api.Actions.SecurityGroups;
using Cyclades.Ec2Api.Actions.Tags;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Actions.Vpcs;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Ec2Api.Actions;

public static class ActionServices
{
    /// <summary>The helpers the action controllers share.</summary>
    public static IServiceCollection AddEc2ActionServices(this IServiceCollection services)
    {
        services.AddSingleton<PageTokens>();
        services.AddSingleton<ItemPages>();
        services.AddSingleton<AddressViews>();
        services.AddSingleton<InstanceLookup>();
        services.AddSingleton<InstancePages>();
        services.AddSingleton<InstanceRenderer>();
        services.AddSingleton<InstanceNetworks>();
        services.AddSingleton<TaggableResources>();
        services.AddSingleton<VolumeTypeMapping>();
        services.AddSingleton<VpcLookup>();
        services.AddSingleton<SubnetLookup>();
        services.AddSingleton<SecurityGroupNetworks>();
        services.AddSingleton<SecurityGroupLookup>();
        services.AddSingleton<SecurityGroupRenderer>();
        services.AddSingleton<RulePermissions>();
        services.AddSingleton<InstanceSecurityGroups>();
        services.AddSingleton<NetworkInterfaceLookup>();
        services.AddSingleton<NicTaskWait>();
        return services;
    }
}
