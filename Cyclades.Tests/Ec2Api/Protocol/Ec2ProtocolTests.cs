using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>The EC2 Query protocol as the real host speaks it over HTTP: shapes, headers and error codes.</summary>
[Category("Contract")]
public sealed class Ec2ProtocolTests
{
    private const int BodyLimit = 4096;
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() =>
        _host = await Ec2ApiHost.StartAsync(new Dictionary<string, string?> { ["Cyclades:Ec2:MaxRequestBodyBytes"] = $"{BodyLimit}" });

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    private Task<Ec2Reply> Send(string body, DateTimeOffset? signedAt = null) =>
        Ec2Reply.SendAsync(SignedRequest.Post(_host.Endpoint, TestUser.Alice, body, signedAt));

    [Test]
    public async Task A_success_answer_has_the_ec2_shape_and_headers()
    {
        var reply = await Send("Action=DescribeRegions&Version=2016-11-15");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        var root = reply.Xml.Root!;
        XNamespace ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
        Assert.That(root.Name, Is.EqualTo(ns + "DescribeRegionsResponse"));
        var requestId = root.Element(ns + "requestId")!.Value;
        Assert.That(reply.Response.Headers.GetValues("x-amzn-RequestId").Single(), Is.EqualTo(requestId));
        Assert.That(reply.Response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/xml; charset=UTF-8").Or.EqualTo("text/xml;charset=UTF-8"));
        Assert.That(reply.Response.Headers.Date, Is.Not.Null);
        var region = root.Element(ns + "regionInfo")!.Element(ns + "item")!;
        Assert.That(region.Element(ns + "regionName")!.Value, Is.EqualTo("cyclades-1"));
        Assert.That(region.Element(ns + "regionEndpoint")!.Value, Is.EqualTo(_host.Endpoint.Authority));
    }

    [Test]
    public async Task An_older_api_version_is_accepted_and_echoed_in_the_namespace()
    {
        var reply = await Send("Action=DescribeAvailabilityZones&Version=2014-10-01");

        Assert.That(reply.Xml.Root!.Name.NamespaceName, Is.EqualTo("http://ec2.amazonaws.com/doc/2014-10-01/"), reply.ToString());
    }

    [TestCase("Action=DescribeRegions", 400, "MissingParameter", "The request must contain the parameter Version")]
    [TestCase("Action=DescribeRegions&Version=banana", 400, "NoSuchVersion", "The requested version (banana) of service AmazonEC2 does not exist")]
    [TestCase("Action=DescribeRegions&Version=2099-01-01", 400, "NoSuchVersion", "The requested version (2099-01-01) of service AmazonEC2 does not exist")]
    [TestCase("Version=2016-11-15", 400, "MissingAction", "The request must contain the parameter Action.")]
    [TestCase("Action=MakeCoffee&Version=2016-11-15", 400, "InvalidAction", "The action MakeCoffee is not valid for this web service.")]
    [TestCase("Action=CreateNatGateway&Version=2016-11-15", 400, "UnsupportedOperation", "The action CreateNatGateway is not supported by this endpoint.")]
    [TestCase("Action=RunInstances&Version=2016-11-15&MinCount=1&MaxCount=1", 400, "MissingParameter", "The request must contain the parameter ImageId")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&Item=1", 400, "UnknownParameter", "The parameter Item is not recognized")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&AllRegions=maybe", 400, "InvalidParameterValue", "Value (maybe) for parameter AllRegions is invalid. Expected: 'true' or 'false'.")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&Filter.1.Name=colour&Filter.1.Value.1=x", 400, "InvalidParameterValue", "The filter 'colour' is invalid")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&Filter.1.Value.1=x", 400, "MissingParameter", "The request must contain the parameter Filter.1.Name")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&RegionName.1=mars-1", 400, "InvalidParameterValue", "Invalid region: [mars-1]")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&DryRun=true", 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&DryRun=true&Filter.1.Name=colour&Filter.1.Value.1=x", 400, "InvalidParameterValue", "The filter 'colour' is invalid")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&X=%ZZ", 400, "MalformedQueryString", null)]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&RegionName.1=a%01b", 400, "InvalidParameterValue",
        "Value (a\\u0001b) for parameter RegionName.1 is invalid. It contains the character U+0001, which is not allowed.")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&Filter.1.Name=region-name&Filter.1.Value.1=%EF%BF%BE", 400, "InvalidParameterValue",
        "Value (\\uFFFE) for parameter Filter.1.Value.1 is invalid. It contains the character U+FFFE, which is not allowed.")]
    [TestCase("Action=DescribeRegions&Version=2016-11-15&Bad%1BName=x", 400, "InvalidParameterValue", null)]
    public async Task Client_mistakes_get_the_ec2_error_code_status_and_message(string body, int status, string code, string? message)
    {
        var reply = await Send(body);

        Assert.That((int)reply.Status, Is.EqualTo(status), reply.ToString());
        Assert.That(reply.ErrorCode, Is.EqualTo(code));
        if (message is not null)
        {
            Assert.That(reply.ErrorMessage, Is.EqualTo(message));
        }
        Assert.That(reply.Xml.Root!.Element("RequestID")!.Value, Is.EqualTo(reply.Response.Headers.GetValues("x-amzn-RequestId").Single()));
        Assert.That(reply.Response.Headers.Date, Is.Not.Null);
    }

    [Test]
    public async Task Parameter_order_plus_signs_and_empty_lists_do_not_matter()
    {
        var reply = await Send("Filter.1.Value.1=cyclades%2D*&RegionName=&Version=2016-11-15&Filter.1.Name=region-name&Action=DescribeRegions");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Body, Does.Contain("<regionName>cyclades-1</regionName>"));
    }

    [Test]
    public async Task A_stale_date_is_request_expired_with_the_servers_date()
    {
        var reply = await Send("Action=DescribeRegions&Version=2016-11-15", DateTimeOffset.UtcNow.AddMinutes(-20));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorCode, Is.EqualTo("RequestExpired"));
        Assert.That(reply.Response.Headers.Date!.Value, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task An_unsigned_request_is_missing_its_authentication_token()
    {
        var reply = await Ec2Reply.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_host.Endpoint, "?Action=DescribeRegions&Version=2016-11-15")));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reply.ErrorCode, Is.EqualTo("MissingAuthenticationToken"));
    }

    [TestCase("X-Amz-Algorithm=%01")]
    [TestCase("X-Amz-Algorithm=%01&X-Amz-Credential=%01&X-Amz-Date=%01&X-Amz-SignedHeaders=%01&X-Amz-Signature=%01")]
    [TestCase("Action=%01&Version=%01")]
    public async Task An_unsigned_probe_with_characters_xml_cannot_carry_gets_an_xml_client_error(string query)
    {
        var reply = await Ec2Reply.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_host.Endpoint, "?" + query)));

        Assert.That((int)reply.Status, Is.InRange(400, 499), reply.ToString());
        Assert.That(reply.ErrorCode, Is.Not.Null.And.Not.EqualTo("InternalError"), reply.ToString());
        Assert.That(reply.Body, Does.Not.Contain("\u0001"), "an echoed value is escaped");
    }

    [TestCase("AWS AKIDALICE0000000001:c2lnbmF0dXJl", "Signature Version 2 is not supported by this endpoint: sign requests with AWS Signature Version 4.")]
    [TestCase("AWS4-HMAC-SHA256 Credential=AKIDALICE0000000001/20261125/us-east-1/ec2/aws4_request", "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.")]
    public async Task A_malformed_authorization_is_an_incomplete_signature(string authorization, string message)
    {
        var reply = await Ec2Reply.SendAsync(WithAuthorization(_ => authorization));

        Assert.That(reply.ErrorCode, Is.EqualTo("IncompleteSignature"), reply.ToString());
        Assert.That(reply.ErrorMessage, Is.EqualTo(message));
    }

    [Test]
    public async Task Another_service_in_the_credential_scope_does_not_match()
    {
        var reply = await Ec2Reply.SendAsync(WithAuthorization(a => a.Replace("/ec2/", "/s3/", StringComparison.Ordinal)));

        Assert.That((reply.Status, reply.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "SignatureDoesNotMatch")));
        Assert.That(reply.ErrorMessage, Does.StartWith("Credential should be scoped to correct service: 'ec2'."));
    }

    /// <summary>A signed DescribeRegions whose Authorization header is changed.</summary>
    private HttpRequestMessage WithAuthorization(Func<string, string> change)
    {
        var request = SignedRequest.Post(_host.Endpoint, TestUser.Alice, "Action=DescribeRegions&Version=2016-11-15");
        var authorization = change(request.Headers.GetValues("Authorization").Single());
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    [Test]
    public async Task A_body_over_the_limit_is_refused_at_once_with_its_content_length()
    {
        var body = "Action=DescribeRegions&Version=2016-11-15&Padding=" + new string('x', BodyLimit);

        var reply = await Send(body);

        Assert.That((reply.Status, reply.ErrorCode), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge")));
    }

    [Test]
    public async Task A_chunked_body_over_the_limit_is_refused_too()
    {
        var request = SignedRequest.Post(_host.Endpoint, TestUser.Alice, "Action=DescribeRegions&Version=2016-11-15");
        request.Content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', BodyLimit * 4))));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(SignedRequest.FormContentType);
        request.Headers.TransferEncodingChunked = true;

        var reply = await Ec2Reply.SendAsync(request);

        Assert.That((reply.Status, reply.ErrorCode), Is.EqualTo((HttpStatusCode.RequestEntityTooLarge, "RequestEntityTooLarge")));
    }

    [Test]
    public async Task A_body_that_is_not_form_encoded_is_refused()
    {
        var request = SignedRequest.Post(_host.Endpoint, TestUser.Alice, "{\"Action\":\"DescribeRegions\"}");
        request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        var reply = await Ec2Reply.SendAsync(request);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(reply.ErrorMessage, Does.StartWith("Content-Type 'application/json' is not supported"));
    }

    [Test]
    public async Task Other_http_methods_get_an_xml_error()
    {
        var reply = await Ec2Reply.SendAsync(new HttpRequestMessage(HttpMethod.Put, _host.Endpoint));

        Assert.That((reply.Status, reply.ErrorCode), Is.EqualTo((HttpStatusCode.MethodNotAllowed, "MethodNotAllowed")));
    }

    [Test]
    public async Task An_accept_header_asking_for_json_still_gets_xml()
    {
        var request = SignedRequest.Post(_host.Endpoint, TestUser.Alice, "Action=DescribeRegions&Version=2016-11-15");
        request.Headers.Accept.ParseAdd("application/json");

        var reply = await Ec2Reply.SendAsync(request);

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.Body, Does.StartWith("<?xml"));
    }

    [Test]
    public async Task Availability_zones_filter_by_name_and_id()
    {
        var reply = await Send("Action=DescribeAvailabilityZones&Version=2016-11-15&ZoneName.1=simulated&Filter.1.Name=zone-id&Filter.1.Value.1=cyclades-1-az?");
        var unknown = await Send("Action=DescribeAvailabilityZones&Version=2016-11-15&ZoneName.1=cyclades-1z");

        Assert.That(reply.Body, Does.Contain("<zoneName>simulated</zoneName>").And.Contain("<zoneState>available</zoneState>").And.Contain("<messageSet />"));
        Assert.That(unknown.ErrorMessage, Is.EqualTo("Invalid availability zone: [cyclades-1z]"));
    }
}
