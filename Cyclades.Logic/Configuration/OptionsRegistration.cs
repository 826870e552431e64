using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cyclades.Logic.Configuration;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> of the host's configuration and
    /// validates it at start-up. A value that does not convert (an unknown enum name, letters for a
    /// number) is reported like any other invalid setting, naming its key, instead of surfacing as a
    /// binder exception.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                try
                {
                    configuration.GetSection(section).Bind(options);
                }
                catch (InvalidOperationException e)
                {
                    throw new OptionsValidationException(section, typeof(T), [e.Message]);
                }
            })
            .ValidateOnStart();

    /// <summary>As <see cref="AddValidatedOptions{T}(IServiceCollection, string)"/>, with the validator that checks the values.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T, TValidator>(this IServiceCollection services, string section)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        return services.AddValidatedOptions<T>(section);
    }
}
