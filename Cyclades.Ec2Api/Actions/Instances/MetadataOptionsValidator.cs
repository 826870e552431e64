using System.Globalization;
using System.Linq.Expressions;
using Cyclades.Logic.Servers;
using FluentValidation;

namespace Cyclades.Ec2Api.Actions.Instances;

/// <summary>The values the model allows for each metadata option.</summary>
public sealed class MetadataOptionsValidator : AbstractValidator<MetadataOptionsParameter>
{
    public MetadataOptionsValidator()
    {
        OneOf(o => o.HttpTokens, "httpTokens", MetadataOptionsParameter.Optional, MetadataOptionsParameter.Required);
        OneOf(o => o.HttpEndpoint, "httpEndpoint", MetadataOptionsParameter.Enabled, MetadataOptionsParameter.Disabled);
        OneOf(o => o.HttpProtocolIpv6, "httpProtocolIpv6", MetadataOptionsParameter.Enabled, MetadataOptionsParameter.Disabled);
        OneOf(o => o.InstanceMetadataTags, "instanceMetadataTags", MetadataOptionsParameter.Enabled, MetadataOptionsParameter.Disabled);
        RuleFor(o => o.HttpPutResponseHopLimit).InclusiveBetween(1, MetadataService.MaxHopLimit)
            .WithMessage((_, value) => string.Create(CultureInfo.InvariantCulture,
                $"Value ({value}) for parameter httpPutResponseHopLimit is invalid. Expected a number from 1 to {MetadataService.MaxHopLimit}."));
    }

    private void OneOf(Expression<Func<MetadataOptionsParameter, string?>> member, string name, string first, string second) =>
        RuleFor(member).Must(v => v is null || v == first || v == second)
            .WithMessage((_, value) => $"Value ({value}) for parameter {name} is invalid. Expected: '{first}' or '{second}'.");
}
