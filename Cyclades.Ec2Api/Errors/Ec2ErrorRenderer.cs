using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Cyclades.Ec2Api.Errors;

/// <summary>
/// Writes an error as EC2 does: <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestID/&gt;</c>,
/// no namespace, <c>text/xml;charset=UTF-8</c>.
/// </summary>
public static class Ec2ErrorRenderer
{
    public const string ContentType = "text/xml;charset=UTF-8";

    public static byte[] Render(Ec2Error error, string requestId)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("Response");
            xml.WriteStartElement("Errors");
            xml.WriteStartElement("Error");
            xml.WriteElementString("Code", error.Code);
            xml.WriteElementString("Message", error.Message);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("RequestID", requestId);
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    public static async Task WriteAsync(HttpResponse response, Ec2Error error, string requestId)
    {
        var body = Render(error, requestId);
        response.StatusCode = error.HttpStatus;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
