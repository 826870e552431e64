using System.Net;
using Cyclades.Tests.Ec2Api.Binding;
using Cyclades.Tests.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Ec2Api.Protocol;

/// <summary>
/// The MVC half of the pipeline in the real host, through <see cref="PipelineTestController"/>:
/// binding by the EC2 binder, the validator, DryRun (default and handler-checked), XML rendering and
/// unexpected exceptions.
/// </summary>
[Category("Contract")]
public sealed class Ec2PipelineTests
{
    private Ec2ApiHost _host = null!;

    [OneTimeSetUp]
    public async Task StartHost() =>
        _host = await Ec2ApiHost.StartAsync(configureServices: services =>
        {
            services.AddControllers().AddApplicationPart(typeof(PipelineTestController).Assembly);
            services.AddScoped<IValidator<LaunchRequest>, LaunchRequestValidator>();
            services.AddScoped<IValidator<InstancesRequest>, InstancesRequestValidator>();
        });

    [OneTimeTearDown]
    public async Task StopHost() => await _host.DisposeAsync();

    [SetUp]
    public void ResetCounter() => PipelineTestController.Launches = 0;

    private Task<Ec2Reply> Send(string parameters) =>
        Ec2Reply.SendAsync(SignedRequest.Post(_host.Endpoint, TestUser.Alice, "Version=2016-11-15&" + parameters));

    [Test]
    public async Task A_request_is_bound_validated_handled_and_rendered_as_ec2_xml()
    {
        var reply = await Send("Action=TestLaunch&ImageId=ami-1&MinCount=1&TagSpecification.1.Tag.1.Key=a%26b&TagSpecification.1.Tag.1.Value=%3Cx%3E");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Body, Does.Contain("<TestLaunchResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>"));
        Assert.That(reply.Body, Does.Contain("<imageId>ami-1</imageId><tagSet><item><key>a&amp;b</key><value>&lt;x&gt;</value></item></tagSet>"));
        Assert.That(reply.Body, Does.Contain("<launchTime>2026-11-25T10:00:00.000Z</launchTime><ebsOptimized>false</ebsOptimized>"));
        Assert.That(reply.Body, Does.Not.Contain("stateReason"), "null members are left out");
        Assert.That(reply.Body, Does.Match("<ownerId>0000000000[0-9]{2}</ownerId>"));
    }

    [TestCase("Action=TestLaunch&ImageId=ami-1&MinCount=0", "InvalidParameterValue", "Value (0) for parameter MinCount is invalid. Expected a positive number.")]
    [TestCase("Action=TestLaunch&ImageId=ami-1&MinCount=1&ClientToken=needs-placement", "MissingParameter", "The request must contain the parameter Placement.AvailabilityZone")]
    [TestCase("Action=TestStop&InstanceId.1=i-exists&MaxResults=5", "InvalidParameterCombination", "The parameter instancesSet cannot be used with the parameter maxResults")]
    public async Task Validator_failures_become_ec2_errors(string parameters, string code, string message)
    {
        var reply = await Send(parameters);

        Assert.That((reply.Status, reply.ErrorCode, reply.ErrorMessage), Is.EqualTo((HttpStatusCode.BadRequest, code, message)));
        Assert.That(PipelineTestController.Launches, Is.Zero);
    }

    [Test]
    public async Task Dry_run_answers_412_after_validation_without_running_the_action()
    {
        var dryRun = await Send("Action=TestCrash&DryRun=true");
        var invalid = await Send("Action=TestCrash&DryRun=true&InstanceId.1=i-1&MaxResults=5");
        var notTaken = await Send("Action=TestLaunch&ImageId=ami-1&MinCount=1&DryRun=true");

        Assert.That((dryRun.Status, dryRun.ErrorCode), Is.EqualTo(((HttpStatusCode)412, "DryRunOperation")), "the crashing handler never ran");
        Assert.That(invalid.ErrorCode, Is.EqualTo("InvalidParameterCombination"));
        Assert.That(notTaken.ErrorCode, Is.EqualTo("UnknownParameter"), "a request without DryRun in the model refuses it");
        Assert.That(PipelineTestController.Launches, Is.Zero);
    }

    [Test]
    public async Task A_handler_that_checks_dry_run_itself_reports_its_own_errors_first()
    {
        var missing = await Send("Action=TestStop&InstanceId.1=i-missing&DryRun=true");
        var dryRun = await Send("Action=TestStop&InstanceId.1=i-exists&DryRun=true");
        var real = await Send("Action=TestStop&InstanceId.1=i-exists");

        Assert.That(missing.ErrorMessage, Is.EqualTo("The instance ID does not exist"));
        Assert.That((dryRun.Status, dryRun.ErrorCode), Is.EqualTo(((HttpStatusCode)412, "DryRunOperation")));
        Assert.That(real.Body, Does.Contain("<return>true</return>"));
        Assert.That(PipelineTestController.Launches, Is.EqualTo(1));
    }

    [Test]
    public async Task An_exception_in_a_handler_is_an_internal_error_without_details()
    {
        var reply = await Send("Action=TestCrash");

        Assert.That((reply.Status, reply.ErrorCode), Is.EqualTo((HttpStatusCode.InternalServerError, "InternalError")));
        Assert.That(reply.Body, Does.Not.Contain("line 42"));
    }
}
