using System.Net;
using System.Text;
using Cyclades.Host.Hosting;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Host;

[Category("Contract")]
public sealed class BenchCeilingEndpointTests
{
    [Test]
    public async Task Is_not_there_unless_configured()
    {
        await using var host = await Ec2ApiHost.StartAsync();
        using var http = new HttpClient();

        using var put = await http.PutAsync(new Uri(host.Endpoint, BenchCeilingEndpoint.Path), new StringContent("x"));
        using var post = await http.PostAsync(new Uri(host.Endpoint, BenchCeilingEndpoint.Path), new StringContent(""));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), "the EC2 protocol answers, as for any path");
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("<Errors>"));
    }

    [Test]
    public async Task When_configured_serves_the_bytes_put_to_it_without_authentication()
    {
        await using var host = await Ec2ApiHost.StartAsync(new Dictionary<string, string?> { [BenchCeilingEndpoint.SettingKey] = "true" });
        using var http = new HttpClient();
        var answer = Encoding.UTF8.GetBytes("<DescribeInstancesResponse>…</DescribeInstancesResponse>");

        using var put = await http.PutAsync(new Uri(host.Endpoint, BenchCeilingEndpoint.Path), new ByteArrayContent(answer));
        using var post = await http.PostAsync(new Uri(host.Endpoint, BenchCeilingEndpoint.Path),
            new StringContent("Action=DescribeInstances&Version=2016-11-15&MaxResults=100", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(post.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/xml; charset=UTF-8"));
        Assert.That(await post.Content.ReadAsByteArrayAsync(), Is.EqualTo(answer));
    }
}
