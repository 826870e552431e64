using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>The one output formatter: every <see cref="Ec2Response"/> becomes EC2 XML, whatever the Accept header says.</summary>
public sealed class Ec2XmlOutputFormatter : OutputFormatter
{
    public Ec2XmlOutputFormatter() => SupportedMediaTypes.Add("text/xml");

    protected override bool CanWriteType(Type? type) => type is not null && typeof(Ec2Response).IsAssignableFrom(type);

    public override bool CanWriteResult(OutputFormatterCanWriteContext context) => CanWriteType(context.ObjectType);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context)
    {
        var http = context.HttpContext;
        var request = http.GetEc2Request();
        var body = Ec2XmlSerializer.Serialize((Ec2Response)context.Object!, request.Action, request.Version, request.RequestId);
        http.Response.ContentType = Ec2ErrorRenderer.ContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
