using System.Net;
using System.Reflection;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Cyclades.Ec2Api.Errors;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract;

/// <summary>
/// Every error of the <see cref="Ec2Errors"/> table, rendered by the server's renderer, is understood by
/// botocore's EC2 parser and by AWSSDK.EC2: the code, the message, the request id and the HTTP status.
/// </summary>
[Category("Contract")]
public sealed class ErrorShapeTests
{
    private const string RequestId = "5b48c718-6bf1-4d4d-9a8f-1b2c3d4e5f60";

    /// <summary>One instance of each error the table can produce.</summary>
    private static List<Ec2Error> AllErrors() =>
        typeof(Ec2Errors).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Ec2Exception))
            .Select(m => ((Ec2Exception)m.Invoke(null, m.GetParameters().Select(Sample).ToArray())!).Error)
            .ToList();

    private static object Sample(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(long) ? 1024L
        : parameter.ParameterType == typeof(IReadOnlyList<string>) ? new[] { $"sample-{parameter.Name}-1 <&>", $"sample-{parameter.Name}-2" }
        : $"sample-{parameter.Name} <&>";

    [Test]
    public void The_table_covers_the_codes_clients_rely_on() =>
        Assert.That(AllErrors().Select(e => e.Code), Is.SupersetOf(new[]
        {
            "AuthFailure", "SignatureDoesNotMatch", "RequestExpired", "IncompleteSignature", "MissingAuthenticationToken",
            "InvalidAction", "UnsupportedOperation", "MissingParameter", "UnknownParameter", "InvalidParameterValue",
            "InvalidParameterCombination", "DryRunOperation", "InternalError", "NoSuchVersion",
            "InvalidInstanceID.Malformed", "InvalidInstanceID.NotFound", "IncorrectInstanceState", "InstanceLimitExceeded",
            "VcpuLimitExceeded", "InsufficientInstanceCapacity", "Unavailable", "IdempotentParameterMismatch", "InvalidAMIID.NotFound",
            "InvalidKeyPair.NotFound", "InvalidKeyPair.Duplicate", "InvalidKeyPair.Format", "InvalidPaginationToken", "TagLimitExceeded",
        }));

    /// <summary>
    /// Each code's HTTP status is AWS's, from a copy of the references' table (TestData/ec2-error-statuses.tsv), and a
    /// code the table lacks fails here until its status is looked up.
    /// </summary>
    [Test]
    public void Each_code_answers_with_the_HTTP_status_AWS_answers_it_with()
    {
        var reference = File.ReadLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ec2-error-statuses.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(fields => fields[0], fields => fields[1]);
        var emitted = AllErrors().DistinctBy(e => (e.Code, e.HttpStatus)).ToList();

        Assert.That(emitted, Has.Count.GreaterThan(30));
        Assert.Multiple(() =>
        {
            foreach (var error in emitted)
            {
                Assert.That(reference.TryGetValue(error.Code, out var status), Is.True, $"{error.Code} is not in the reference table");
                NUnit.Framework.Constraints.IResolveConstraint expected = status switch
                {
                    "4xx" => Is.InRange(400, 499),
                    "5xx" => Is.InRange(500, 599),
                    _ => Is.EqualTo(int.Parse(status!, System.Globalization.CultureInfo.InvariantCulture)),
                };
                Assert.That(error.HttpStatus, expected, error.Code);
            }
        });
    }

    [Test]
    public async Task Botocore_parses_every_error()
    {
        var errors = AllErrors();
        var answers = errors.Select(e => new { status = e.HttpStatus, body = Encoding.UTF8.GetString(Ec2ErrorRenderer.Render(e, RequestId)) });

        var parsed = await Python.RunScriptAsync("botocore_parse_error.py", answers);

        Assert.That(parsed.GetArrayLength(), Is.EqualTo(errors.Count));
        for (var i = 0; i < errors.Count; i++)
        {
            var p = parsed[i];
            Assert.That(p.GetProperty("code").GetString(), Is.EqualTo(errors[i].Code));
            Assert.That(p.GetProperty("message").GetString(), Is.EqualTo(errors[i].Message));
            Assert.That(p.GetProperty("request_id").GetString(), Is.EqualTo(RequestId));
            Assert.That(p.GetProperty("status").GetInt32(), Is.EqualTo(errors[i].HttpStatus));
        }
    }

    [TestCaseSource(nameof(AllErrors))]
    public async Task The_dotnet_sdk_parses_the_error(Ec2Error error)
    {
        var config = new AmazonEC2Config
        {
            ServiceURL = "http://127.0.0.1:9/",
            MaxErrorRetry = 0,
            HttpClientFactory = new CannedAnswer(error),
        };
        using var client = new AmazonEC2Client(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), config);

        var exception = (await Assert.ThrowsAsync<AmazonEC2Exception>(() => client.DescribeRegionsAsync(new DescribeRegionsRequest())))!;

        Assert.That(exception.ErrorCode, Is.EqualTo(error.Code));
        Assert.That((int)exception.StatusCode, Is.EqualTo(error.HttpStatus));
        Assert.That(exception.Message, Is.EqualTo(error.Message));
        Assert.That(exception.RequestId, Is.EqualTo(RequestId));
    }

    /// <summary>Answers every SDK request with the rendered error, as the server would.</summary>
    private sealed class CannedAnswer(Ec2Error error) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(error));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        private sealed class Handler(Ec2Error error) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = new HttpResponseMessage((HttpStatusCode)error.HttpStatus)
                {
                    Content = new ByteArrayContent(Ec2ErrorRenderer.Render(error, RequestId)),
                    RequestMessage = request,
                };
                response.Content.Headers.TryAddWithoutValidation("Content-Type", Ec2ErrorRenderer.ContentType);
                response.Headers.Date = DateTimeOffset.UtcNow;
                response.Headers.TryAddWithoutValidation("x-amzn-RequestId", RequestId);
                return Task.FromResult(response);
            }
        }
    }
}
