using System.Net;
using System.Xml.Linq;

namespace Cyclades.Tests.Infrastructure;

/// <summary>A raw HTTP answer of the EC2 host, with its XML parsed.</summary>
public sealed record Ec2Reply(HttpStatusCode Status, HttpResponseMessage Response, string Body)
{
    public XDocument Xml => XDocument.Parse(Body);

    /// <summary>The error code of an EC2 error answer (<c>Response/Errors/Error/Code</c>), else null.</summary>
    public string? ErrorCode => Xml.Root?.Name.LocalName == "Response" ? Xml.Root.Element("Errors")?.Element("Error")?.Element("Code")?.Value : null;

    public string? ErrorMessage => Xml.Root?.Element("Errors")?.Element("Error")?.Element("Message")?.Value;

    public static async Task<Ec2Reply> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        return new Ec2Reply(response.StatusCode, response, await response.Content.ReadAsStringAsync());
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
