using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using static Cyclades.Tests.Contract.Compute.Ec2ClientExtensions;

namespace Cyclades.Tests.Contract.Compute;

/// <summary>
/// The RunInstances fields Terraform, Ansible and the SDKs send (issue 13), the protections they set
/// and the attributes that show and change them, through AWSSDK.EC2.
/// </summary>
public sealed class InstanceSettingsContractTests : ComputeFixture
{
    private async Task<InstanceAttribute> AttributeAsync(string id, InstanceAttributeName name) =>
        (await Alice.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = name })).InstanceAttribute;

    [Test]
    public async Task What_terraform_always_sends_is_accepted_and_the_instance_reports_it()
    {
        var launched = (await Alice.RunAsync(configure: r =>
        {
            // aws_instance's defaults, as the provider sends them on every create.
            r.HibernationOptions = new HibernationOptionsRequest { Configured = false };
            r.DisableApiStop = false;
            r.DisableApiTermination = false;
            r.EbsOptimized = false;
            r.Monitoring = false;
            r.Placement = new Placement { AvailabilityZone = "", Tenancy = Tenancy.Default };
            r.CreditSpecification = new CreditSpecificationRequest { CpuCredits = "standard" };
            r.InstanceInitiatedShutdownBehavior = ShutdownBehavior.Stop;
            r.MetadataOptions = new InstanceMetadataOptionsRequest
            {
                HttpTokens = HttpTokensState.Required, HttpPutResponseHopLimit = 2, HttpEndpoint = InstanceMetadataEndpointState.Enabled,
                InstanceMetadataTags = InstanceMetadataTagsState.Enabled,
            };
        })).Instances[0];

        var described = (await Alice.WaitForAsync("running", launched.InstanceId))[0];

        foreach (var instance in new[] { launched, described })
        {
            Assert.That((instance.MetadataOptions.State.Value, instance.MetadataOptions.HttpTokens.Value, instance.MetadataOptions.HttpPutResponseHopLimit,
                    instance.MetadataOptions.HttpEndpoint.Value, instance.MetadataOptions.InstanceMetadataTags.Value, instance.MetadataOptions.HttpProtocolIpv6.Value),
                Is.EqualTo(("applied", "required", 2, "enabled", "enabled", "disabled")));
            Assert.That((instance.HibernationOptions.Configured, instance.Monitoring.State.Value, instance.EbsOptimized, instance.SourceDestCheck),
                Is.EqualTo((false, "disabled", false, true)));
            Assert.That((instance.CapacityReservationSpecification.CapacityReservationPreference.Value, instance.EnclaveOptions.Enabled,
                    instance.MaintenanceOptions.AutoRecovery.Value, instance.CurrentInstanceBootMode.Value, instance.PrivateDnsNameOptions.HostnameType.Value),
                Is.EqualTo(("open", false, "default", "legacy-bios", "ip-name")));
            Assert.That(instance.CpuOptions.CoreCount, Is.EqualTo(1));
            Assert.That(instance.Placement.AvailabilityZone, Is.Not.Empty, "an empty zone is no zone: the allocator chose one");
        }
        Assert.That((await AttributeAsync(launched.InstanceId, InstanceAttributeName.DisableApiStop)).DisableApiStop, Is.False);
    }

    private static IEnumerable<TestCaseData> RefusedLaunches()
    {
        TestCaseData Case(string name, string code, string message, Action<RunInstancesRequest> change) =>
            new TestCaseData(change, code, message).SetName($"RunInstances: {name} is {code}");
        yield return Case("hibernation", "UnsupportedHibernationConfiguration", "Hibernation",
            r => r.HibernationOptions = new HibernationOptionsRequest { Configured = true });
        yield return Case("detailed monitoring", "UnsupportedOperation", "monitoring", r => r.Monitoring = true);
        yield return Case("unlimited credits", "UnsupportedOperation", "Unlimited", r => r.CreditSpecification = new CreditSpecificationRequest { CpuCredits = "unlimited" });
        yield return Case("an unknown credit option", "InvalidParameterValue", "cpuCredits", r => r.CreditSpecification = new CreditSpecificationRequest { CpuCredits = "lots" });
        yield return Case("dedicated tenancy", "UnsupportedOperation", "Tenancy 'dedicated'", r => r.Placement = new Placement { Tenancy = Tenancy.Dedicated });
        yield return Case("an unknown shutdown behavior", "InvalidParameterValue", "instanceInitiatedShutdownBehavior",
            r => r.InstanceInitiatedShutdownBehavior = "hibernate");
        yield return Case("an unknown token setting", "InvalidParameterValue", "httpTokens",
            r => r.MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = "sometimes" });
        yield return Case("a hop limit over 64", "InvalidParameterValue", "httpPutResponseHopLimit",
            r => r.MetadataOptions = new InstanceMetadataOptionsRequest { HttpPutResponseHopLimit = 65 });
        yield return Case("a private address outside the subnet", "InvalidParameterValue", "does not fall within the subnet",
            r => r.PrivateIpAddress = "192.168.1.10");
        yield return Case("the subnet's gateway address", "InvalidParameterValue", "does not fall within the subnet",
            r => r.PrivateIpAddress = "10.0.0.1");
        yield return Case("a private address that is not one", "InvalidParameterValue", "privateIpAddress", r => r.PrivateIpAddress = "10.0.0.300");
        yield return Case("a private address for two instances", "InvalidParameterCombination", "Multiple instances",
            r => (r.PrivateIpAddress, r.MinCount, r.MaxCount) = ("10.0.200.1", 2, 2));
    }

    [TestCaseSource(nameof(RefusedLaunches))]
    public async Task Refused_launch_fields_create_nothing(Action<RunInstancesRequest> change, string code, string message)
    {
        var before = (await Alice.ListAsync()).Count;

        var error = await FailsAsync(() => Alice.RunAsync(configure: change));

        Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo((code, HttpStatusCode.BadRequest)), error.Message);
        Assert.That(error.Message, Does.Contain(message));
        Assert.That((await Alice.ListAsync()).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task A_chosen_private_address_is_used_once()
    {
        var address = $"10.0.{Random.Shared.Next(100, 250)}.{Random.Shared.Next(2, 250)}";

        var first = (await Alice.RunAsync(configure: r => r.PrivateIpAddress = address)).Instances[0];
        var taken = await FailsAsync(() => Alice.RunAsync(configure: r => r.PrivateIpAddress = address));

        Assert.That(first.PrivateIpAddress, Is.EqualTo(address));
        Assert.That((await Alice.DescribeOneAsync(first.InstanceId)).PrivateDnsName, Does.StartWith($"ip-{address.Replace('.', '-')}."));
        Assert.That((taken.ErrorCode, taken.StatusCode, taken.Message), Is.EqualTo(("InvalidIPAddress.InUse", HttpStatusCode.BadRequest, $"Address {address} is in use.")));
    }

    [Test]
    public async Task Termination_protection_refuses_terminate_until_it_is_cleared()
    {
        var id = (await Alice.RunAsync(configure: r => r.DisableApiTermination = true)).Instances[0].InstanceId;
        await Alice.WaitForAsync("running", id);

        var refused = await FailsAsync(() => Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }));
        Assert.That((refused.ErrorCode, refused.StatusCode), Is.EqualTo(("OperationNotPermitted", HttpStatusCode.BadRequest)));
        Assert.That(refused.Message, Is.EqualTo($"The instance '{id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again."));
        Assert.That((await AttributeAsync(id, InstanceAttributeName.DisableApiTermination)).DisableApiTermination, Is.True);
        Assert.That((await Alice.DescribeOneAsync(id)).State.Name.Value, Is.EqualTo("running"));

        // What Terraform's destroy sends first.
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiTermination = false });
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        await Alice.WaitForAsync("terminated", id);
    }

    [Test]
    public async Task Stop_protection_refuses_stop_until_it_is_cleared_and_terminate_is_still_allowed()
    {
        var ids = (await Alice.RunAsync(2, configure: r => r.DisableApiStop = true)).Instances.Select(i => i.InstanceId).ToList();
        await Alice.WaitForAsync("running", ids);

        var refused = await FailsAsync(() => Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [ids[0]] }));
        Assert.That((refused.ErrorCode, refused.Message), Is.EqualTo(("OperationNotPermitted",
            $"The instance '{ids[0]}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.")));

        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = ids[0], Attribute = "disableApiStop", Value = "false" });
        await Alice.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [ids[0]] });
        await Alice.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [ids[1]] });
        await Alice.WaitForAsync("stopped", ids[0]);
        await Alice.WaitForAsync("terminated", ids[1]);
    }

    [Test]
    public async Task Settings_change_in_both_wire_forms_and_show_in_describe_instances()
    {
        var id = (await Alice.RunAsync()).Instances[0].InstanceId;

        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceInitiatedShutdownBehavior = "terminate" });
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, SourceDestCheck = false });
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, Attribute = "ebsOptimized", Value = "true" });
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiStop = true });

        Assert.That((await AttributeAsync(id, InstanceAttributeName.InstanceInitiatedShutdownBehavior)).InstanceInitiatedShutdownBehavior, Is.EqualTo("terminate"));
        Assert.That((await AttributeAsync(id, InstanceAttributeName.SourceDestCheck)).SourceDestCheck, Is.False);
        Assert.That((await AttributeAsync(id, InstanceAttributeName.EbsOptimized)).EbsOptimized, Is.True);
        Assert.That((await AttributeAsync(id, InstanceAttributeName.DisableApiStop)).DisableApiStop, Is.True);
        var instance = await Alice.DescribeOneAsync(id);
        Assert.That((instance.SourceDestCheck, instance.EbsOptimized), Is.EqualTo((false, true)));

        var badBehavior = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(
            new ModifyInstanceAttributeRequest { InstanceId = id, InstanceInitiatedShutdownBehavior = "hibernate" }));
        var badBoolean = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(
            new ModifyInstanceAttributeRequest { InstanceId = id, Attribute = "sourceDestCheck", Value = "maybe" }));
        var kernel = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, Kernel = "aki-1" }));
        Assert.That((badBehavior.ErrorCode, badBoolean.ErrorCode, kernel.ErrorCode), Is.EqualTo(("InvalidParameterValue", "InvalidParameterValue", "UnsupportedOperation")));
    }

    [Test]
    public async Task User_data_changes_only_while_the_instance_is_stopped()
    {
        var running = (await Alice.RunningAsync())[0];
        var stopped = (await Alice.StoppedAsync())[0];
        var script = Convert.ToBase64String("#!/bin/sh\necho new\n"u8.ToArray());

        var refused = await FailsAsync(() => Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = running, Attribute = "userData", Value = script }));
        await Alice.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = stopped, Attribute = "userData", Value = script });

        Assert.That((refused.ErrorCode, refused.StatusCode, refused.Message),
            Is.EqualTo(("IncorrectInstanceState", HttpStatusCode.BadRequest, $"The instance '{running}' is not in the 'stopped' state.")));
        Assert.That((await AttributeAsync(stopped, InstanceAttributeName.UserData)).UserData, Is.EqualTo(script));
        Assert.That((await AttributeAsync(running, InstanceAttributeName.UserData)).UserData, Is.Null);
    }
}
