using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Protocol;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.IO;

namespace Cyclades.Ec2Api.Mvc.Xml;

/// <summary>The one output formatter: every <see cref="Ec2Response"/> becomes EC2 XML, whatever the Accept header says.</summary>
public sealed class Ec2XmlOutputFormatter : OutputFormatter
{
    private static readonly RecyclableMemoryStreamManager Buffers = new();

    public Ec2XmlOutputFormatter() => SupportedMediaTypes.Add("text/xml");

    protected override bool CanWriteType(Type? type) => type is not null && typeof(Ec2Response).IsAssignableFrom(type);

    public override bool CanWriteResult(OutputFormatterCanWriteContext context) => CanWriteType(context.ObjectType);

    public override async Task WriteResponseBodyAsync(OutputFormatterWriteContext context)
    {
        var http = context.HttpContext;
        var request = http.GetEc2Request();
        // Rendered into pooled blocks (a page of instances is over 100 KB: a plain MemoryStream and its
        // copies landed on the large object heap and forced several full collections a second under load).
        await using var body = Buffers.GetStream(request.Action);
        Ec2XmlSerializer.Serialize(body, (Ec2Response)context.Object!, request.Action, request.Version, request.RequestId);
        http.Response.ContentType = Ec2ErrorRenderer.ContentType;
        http.Response.ContentLength = body.Length;
        body.Position = 0;
        await body.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
