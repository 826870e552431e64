using Cyclades.Ec2Api.Actions;
using Cyclades.Ec2Api.Actions.AvailabilityZones;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Metrics;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Mvc.DryRun;
using Cyclades.Ec2Api.Mvc.Validation;
using Cyclades.Ec2Api.Mvc.Xml;
using Cyclades.Ec2Api.Protocol;
using Cyclades.Logic.Configuration;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Ec2Api.Hosting;

/// <summary>
/// The EC2 front-end as the host composes it: <see cref="AddEc2Api"/> with the other services,
/// <see cref="MapEc2Api"/> last in the request pipeline. It needs the logic core and a
/// <see cref="TimeProvider"/>, which the host registers; it knows nothing of Ganeti.
/// </summary>
public static class Ec2ApiRegistration
{
    /// <summary>Options (<c>Cyclades:Ec2</c>), the account bootstrap, SigV4, the request meter, the actions and MVC with the EC2 binding, filters and XML.</summary>
    public static IServiceCollection AddEc2Api(this IServiceCollection services)
    {
        services.AddValidatedOptions<Ec2ApiOptions, Ec2ApiOptionsValidator>(Ec2ApiOptions.Section);
        services.AddHostedService<Ec2ApiStartup>();
        services.AddMetrics();
        services.AddSingleton<Ec2RequestMetrics>();
        services.AddSingleton<SigV4Verifier>();
        services.AddSingleton<Ec2ReadGate>();
        services.AddSingleton<Ec2ActionCatalog>();
        services.AddSingleton<AvailabilityZoneCatalog>();
        services.AddEc2ActionServices();
        services.AddValidatorsFromAssemblyContaining<Ec2Controller>();
        services.AddControllers(mvc =>
        {
            mvc.OutputFormatters.Clear();
            mvc.OutputFormatters.Add(new Ec2XmlOutputFormatter());
            mvc.ModelBinderProviders.Insert(0, new Ec2ModelBinderProvider());
            mvc.ModelValidatorProviders.Clear();
            mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            mvc.RespectBrowserAcceptHeader = false;
            mvc.ReturnHttpNotAcceptable = false;
            mvc.Filters.Add<Ec2ValidationFilter>();
            mvc.Filters.Add<DryRunFilter>();
        }).ConfigureApplicationPartManager(AddControllersOnce);
        return services;
    }

    /// <summary>
    /// The EC2 Query protocol (it selects the action, and answers every request that reaches it as
    /// EC2), then routing to the action controllers. Map other endpoints before it.
    /// </summary>
    public static WebApplication MapEc2Api(this WebApplication app)
    {
        app.UseMiddleware<Ec2ProtocolMiddleware>();
        app.UseRouting();
        app.MapControllers();
        return app;
    }

    // A library's controllers are found only if the entry assembly's build noticed the reference.
    private static void AddControllersOnce(ApplicationPartManager parts)
    {
        var assembly = typeof(Ec2Controller).Assembly;
        if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
        {
            parts.ApplicationParts.Add(new AssemblyPart(assembly));
        }
    }
}
