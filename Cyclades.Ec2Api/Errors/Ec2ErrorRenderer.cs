using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Cyclades.Ec2Api.Errors;

/// <summary>
/// Writes an error as EC2 does: <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;…&lt;RequestID/&gt;</c>,
/// no namespace, <c>text/xml;charset=UTF-8</c>. It cannot fail: characters XML cannot carry are
/// escaped, and should writing still fail the client gets a fixed <c>InternalError</c> document.
/// </summary>
public static class Ec2ErrorRenderer
{
    public const string ContentType = "text/xml;charset=UTF-8";

    public static byte[] Render(Ec2Error error, string requestId) => RenderWithStatus(error, requestId).Body;

    private static (byte[] Body, int Status) RenderWithStatus(Ec2Error error, string requestId)
    {
        try
        {
            return (Write(error, requestId), error.HttpStatus);
        }
#pragma warning disable CA1031 // The error path is the last resort: whatever broke, the client still gets XML.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (Fallback(requestId), StatusCodes.Status500InternalServerError);
        }
    }

    private static byte[] Write(Ec2Error error, string requestId)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("Response");
            xml.WriteStartElement("Errors");
            xml.WriteStartElement("Error");
            xml.WriteElementString("Code", XmlCharacters.Escape(error.Code));
            xml.WriteElementString("Message", XmlCharacters.Escape(error.Message));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteElementString("RequestID", XmlCharacters.Escape(requestId));
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>A fixed document, built without the XML writer; the request id keeps only the characters a GUID has.</summary>
    private static byte[] Fallback(string? requestId)
    {
        var id = new string((requestId ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Errors><Error><Code>InternalError</Code>"
            + $"<Message>An internal error has occurred</Message></Error></Errors><RequestID>{id}</RequestID></Response>");
    }

    public static async Task WriteAsync(HttpResponse response, Ec2Error error, string requestId)
    {
        var (body, status) = RenderWithStatus(error, requestId);
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
