using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cyclades.Ec2Api.Mvc.Binding;

/// <summary>MVC's entry to <see cref="Ec2ParameterBinder"/> for every <see cref="Ec2Request"/> parameter.</summary>
public sealed class Ec2ModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var parameters = bindingContext.HttpContext.GetEc2Request().Parameters;
        bindingContext.Result = ModelBindingResult.Success(Ec2ParameterBinder.Bind(bindingContext.ModelType, parameters));
        return Task.CompletedTask;
    }
}

public sealed class Ec2ModelBinderProvider : IModelBinderProvider
{
    private static readonly Ec2ModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        typeof(Ec2Request).IsAssignableFrom(context.Metadata.ModelType) ? Binder : null;
}
