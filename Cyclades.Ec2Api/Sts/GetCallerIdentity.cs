using System.Text;
using System.Xml;
using Cyclades.Ec2Api.Authentication;
using Cyclades.Ec2Api.Errors;
using Microsoft.AspNetCore.Http;

namespace Cyclades.Ec2Api.Sts;

/// <summary>
/// <c>GetCallerIdentity</c>: the caller's 12-digit account id (EC2's <c>ownerId</c>), its user id and an
/// IAM-user ARN naming the user, in STS's response shape.
/// </summary>
public static class GetCallerIdentity
{
    public const string Action = "GetCallerIdentity";

    public static string Arn(Ec2Caller caller) => $"arn:aws:iam::{caller.OwnerId}:user/{caller.UserName}";

    public static async Task AnswerAsync(HttpResponse response, string action, Ec2Caller caller, string requestId)
    {
        if (action != Action)
        {
            throw Ec2Errors.InvalidAction(action);
        }
        var body = Render(caller, requestId);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = Ec2ErrorRenderer.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    public static byte[] Render(Ec2Caller caller, string requestId)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement(Action + "Response", StsProtocol.Namespace);
            xml.WriteStartElement(Action + "Result");
            xml.WriteElementString("Arn", Arn(caller));
            xml.WriteElementString("UserId", caller.OwnerId);
            xml.WriteElementString("Account", caller.OwnerId);
            xml.WriteEndElement();
            xml.WriteStartElement("ResponseMetadata");
            xml.WriteElementString("RequestId", requestId);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
