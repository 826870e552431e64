using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Cyclades.Tests.Infrastructure;

namespace Cyclades.Tests.Contract.Terraform;

/// <summary>
/// What terraform-provider-aws sends and reads for one <c>aws_instance</c> (ami, instance_type, tags), call by call,
/// as raw signed Query requests shaped like the provider's SDK serializes them (empty strings and false booleans
/// are sent; list members numbered from 1; filters in key order).
///
/// Written from hashicorp/terraform-provider-aws <c>internal/service/ec2/ec2_instance.go</c> at commit
/// 0015dfcd06d5d78e5e1c3cabe8cea837d379d1c7 (v5.x, aws-sdk-go v1 EC2 connection); the helpers it calls (FindInstanceByID,
/// FindInstanceTypeByName, WaitInstanceCreated/Deleted … in <c>find.go</c>, <c>status.go</c>, <c>wait.go</c>) are replayed as
/// their names and uses there say, not from a reading of those files:
/// <list type="number">
/// <item>create — <c>resourceInstanceCreate</c> with <c>buildInstanceOpts</c>: RunInstances with ClientToken,
/// DisableApiTermination=false, EbsOptimized=false, HibernationOptions.Configured=false (<c>d.Get("hibernation")</c> is never
/// ""), Monitoring.Enabled=false, Placement.AvailabilityZone="" (<c>aws.String(d.Get("availability_zone"))</c>),
/// MinCount=MaxCount=1 and TagSpecification for the instance; DisableApiStop=false as the aws-sdk-go-v2 port sends
/// it always (issue 13; at this commit only when set). Reads <c>Instances[0].InstanceId</c>.</item>
/// <item><c>WaitInstanceCreated</c> → <c>StatusInstanceState</c> → <c>FindInstanceByID</c>: DescribeInstances InstanceId.1 until
/// <c>State.Name</c> is running (pending is the only pending state); reads PublicIpAddress/PrivateIpAddress for the
/// connection info. <c>resourceInstanceUpdate</c> of a new resource sends nothing for these arguments and calls Read.</item>
/// <item>read — <c>resourceInstanceRead</c>: DescribeInstances; DescribeInstanceTypes (<c>FindInstanceTypeByName</c>:
/// exactly one, BurstablePerformanceSupported); DescribeTags resource-id + key <c>aws:ec2launchtemplate:id</c>
/// (<c>flattenInstanceLaunchTemplate</c> → <c>findInstanceLaunchTemplateID</c>); DescribeInstanceAttribute
/// instanceInitiatedShutdownBehavior (<c>readInstanceShutdownBehavior</c>); DescribeVolumes of the EBS mappings
/// (<c>readBlockDevicesFromInstance</c>, only if there are any); DescribeInstanceAttribute disableApiStop,
/// disableApiTermination, userData; DescribeInstanceCreditSpecifications when the type is burstable
/// (<c>FindInstanceCreditSpecificationByID</c>). Read runs after create and again as the refresh before destroy.</item>
/// <item>destroy — <c>resourceInstanceDelete</c>: ModifyInstanceAttribute DisableApiTermination.Value=false
/// (<c>disableInstanceAPITermination</c>), TerminateInstances (<c>terminateInstance</c>), <c>WaitInstanceDeleted</c>:
/// DescribeInstances until terminated (which <c>FindInstanceByID</c> reports as not found).</item>
/// </list>
/// The assertions are on what the provider dereferences (a missing one is a nil-pointer panic in the provider or a
/// wrong state) and on what it stores in the state.
/// </summary>
public sealed class TerraformInstanceReplay(Ec2ApiHost host, TestUser user, string image, string instanceType)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(3);
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    /// <summary>Every call made, in order, as <c>Action</c> (for the failure message).</summary>
    public List<string> Calls { get; } = [];

    public async Task CreateRefreshDestroyAsync()
    {
        var id = await CreateAsync();
        await ReadAsync(id);
        await ReadAsync(id);
        await DestroyAsync(id);
    }

    private async Task<string> CreateAsync()
    {
        var token = "terraform-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssffff", CultureInfo.InvariantCulture) + "0001";
        var run = await CallAsync("RunInstances",
            ("ClientToken", token),
            ("DisableApiStop", "false"),
            ("DisableApiTermination", "false"),
            ("EbsOptimized", "false"),
            ("HibernationOptions.Configured", "false"),
            ("ImageId", image),
            ("InstanceType", instanceType),
            ("MaxCount", "1"),
            ("MinCount", "1"),
            ("Monitoring.Enabled", "false"),
            ("Placement.AvailabilityZone", ""),
            ("TagSpecification.1.ResourceType", "instance"),
            ("TagSpecification.1.Tag.1.Key", "Name"),
            ("TagSpecification.1.Tag.1.Value", "tf-replay"),
            ("TagSpecification.1.Tag.2.Key", "run"),
            ("TagSpecification.1.Tag.2.Value", _run));
        var id = Path(run, "instancesSet", "item", "instanceId");
        Assert.That(id, Does.StartWith("i-"), "RunInstances: Instances[0].InstanceId");

        var running = await WaitForStateAsync(id!, "running", ["pending"]);
        Assert.That(Path(running, "privateIpAddress") ?? Path(running, "ipAddress"), Is.Not.Empty, "the connection info's host");
        return id!;
    }

    private async Task ReadAsync(string id)
    {
        var instance = await FindInstanceAsync(id);
        Assert.That(instance, Is.Not.Null, "FindInstanceByID: the instance exists");
        Assert.Multiple(() =>
        {
            Assert.That(Path(instance!, "instanceState", "name"), Is.EqualTo("running"), "instance_state");
            Assert.That(Path(instance!, "instanceType"), Is.EqualTo(instanceType), "instance_type");
            Assert.That(Path(instance!, "imageId"), Is.EqualTo(image), "ami");
            Assert.That(Path(instance!, "placement", "availabilityZone"), Is.Not.Empty, "availability_zone");
            Assert.That(Path(instance!, "privateIpAddress"), Is.Not.Empty, "private_ip");
            Assert.That(Path(instance!, "ebsOptimized"), Is.EqualTo("false"), "ebs_optimized");
            Assert.That(Path(instance!, "monitoring", "state"), Is.EqualTo("disabled"), "monitoring");
            Assert.That(Path(instance!, "hibernationOptions", "configured"), Is.EqualTo("false"), "hibernation");
            Assert.That(Path(instance!, "metadataOptions", "httpEndpoint"), Is.EqualTo("enabled"), "metadata_options.http_endpoint");
            Assert.That(Path(instance!, "metadataOptions", "httpTokens"), Is.Not.Empty, "metadata_options.http_tokens");
            Assert.That(Tags(instance!), Does.Contain(("Name", "tf-replay")).And.Contain(("run", _run)), "tags (SetTagsOut(instance.Tags))");
            foreach (var eni in Items(instance!, "networkInterfaceSet"))
            {
                Assert.That(Path(eni, "attachment", "deviceIndex"), Is.Not.Null, "NetworkInterfaces[].Attachment.DeviceIndex is dereferenced");
            }
        });

        var types = await CallAsync("DescribeInstanceTypes", ("InstanceType.1", instanceType));
        var type = Items(types.Root!, "instanceTypeSet").ToList();
        Assert.That(type.Select(t => Path(t, "instanceType")), Is.EqualTo(new[] { instanceType }), "FindInstanceTypeByName: exactly one");
        var burstable = Path(type[0], "burstablePerformanceSupported") == "true";

        var launchTemplateTag = await CallAsync("DescribeTags",
            ("Filter.1.Name", "key"), ("Filter.1.Value.1", "aws:ec2launchtemplate:id"),
            ("Filter.2.Name", "resource-id"), ("Filter.2.Value.1", id));
        Assert.That(Items(launchTemplateTag.Root!, "tagSet"), Is.Empty, "no launch template: launch_template stays empty");

        Assert.That(await AttributeAsync(id, "instanceInitiatedShutdownBehavior"), Is.EqualTo("stop"), "instance_initiated_shutdown_behavior");

        var volumes = Items(instance!, "blockDeviceMapping").Select(m => Path(m, "ebs", "volumeId")).OfType<string>().ToList();
        if (volumes.Count > 0)
        {
            var described = await CallAsync("DescribeVolumes", volumes.Select((v, i) => ($"VolumeId.{i + 1}", v)).ToArray());
            Assert.That(Items(described.Root!, "volumeSet").Select(v => Path(v, "volumeId")), Is.EquivalentTo(volumes), "readBlockDevicesFromInstance");
        }

        Assert.That(await AttributeAsync(id, "disableApiStop"), Is.EqualTo("false"), "disable_api_stop (attr.DisableApiStop.Value)");
        Assert.That(await AttributeAsync(id, "disableApiTermination"), Is.EqualTo("false"), "disable_api_termination (output.DisableApiTermination.Value)");
        var userData = await CallAsync("DescribeInstanceAttribute", ("Attribute", "userData"), ("InstanceId", id));
        Assert.That(Path(userData.Root!, "instanceId"), Is.EqualTo(id), "userData (nil value: user_data unset)");

        if (burstable)
        {
            var credits = await CallAsync("DescribeInstanceCreditSpecifications", ("InstanceId.1", id));
            var specification = Items(credits.Root!, "instanceCreditSpecificationSet").ToList();
            Assert.That(specification.Select(s => (Path(s, "instanceId"), Path(s, "cpuCredits"))), Is.EqualTo(new[] { (id, "standard") }),
                "FindInstanceCreditSpecificationByID: credit_specification.cpu_credits");
        }
    }

    private async Task DestroyAsync(string id)
    {
        var modified = await CallAsync("ModifyInstanceAttribute", ("DisableApiTermination.Value", "false"), ("InstanceId", id));
        Assert.That(Path(modified.Root!, "return"), Is.EqualTo("true"), "disableInstanceAPITermination");

        var terminating = await CallAsync("TerminateInstances", ("InstanceId.1", id));
        Assert.That(Path(terminating.Root!, "instancesSet", "item", "instanceId"), Is.EqualTo(id), "terminateInstance");

        await WaitForStateAsync(id, "terminated", ["pending", "running", "shutting-down", "stopping", "stopped"]);
    }

    /// <summary>A <c>retry.StateChangeConf</c> over <c>StatusInstanceState</c>, polling faster than the provider's 10 s delay.</summary>
    private async Task<XElement> WaitForStateAsync(string id, string target, string[] pending)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var instance = await FindInstanceAsync(id);
            var state = instance is null ? null : Path(instance, "instanceState", "name");
            if (state == target)
            {
                return instance!;
            }
            Assert.That(pending, Does.Contain(state), $"{id} is {state ?? "gone"} while waiting for {target}: the provider fails on an unexpected state");
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{id} did not become {target} within {WaitLimit}");
            await Task.Delay(500);
        }
    }

    /// <summary><c>FindInstanceByID</c>: exactly one instance with that id.</summary>
    private async Task<XElement?> FindInstanceAsync(string id)
    {
        var reply = await CallAsync("DescribeInstances", ("InstanceId.1", id));
        var instances = Items(reply.Root!, "reservationSet").SelectMany(r => Items(r, "instancesSet")).ToList();
        Assert.That(instances.Select(i => Path(i, "instanceId")), Is.EqualTo(new[] { id }), "FindInstanceByID: exactly one instance, the one asked for");
        return instances[0];
    }

    private async Task<string?> AttributeAsync(string id, string attribute)
    {
        var reply = await CallAsync("DescribeInstanceAttribute", ("Attribute", attribute), ("InstanceId", id));
        return Path(reply.Root!, attribute, "value");
    }

    private async Task<XDocument> CallAsync(string action, params (string Name, string Value)[] parameters)
    {
        Calls.Add(action);
        var body = string.Join('&', new[] { ("Action", action) }.Concat(parameters).Append(("Version", "2016-11-15"))
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
        var reply = await Ec2Reply.SendAsync(SignedRequest.Post(host.Endpoint, user, body));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), $"call {Calls.Count} {action} ({string.Join(" → ", Calls)}): {body}\n{reply}");
        return reply.Xml;
    }

    private static IEnumerable<(string, string)> Tags(XElement instance) =>
        Items(instance, "tagSet").Select(t => (Path(t, "key") ?? "", Path(t, "value") ?? ""));

    /// <summary>The <c>item</c>s of the list element <paramref name="list"/> directly under <paramref name="parent"/>.</summary>
    private static IEnumerable<XElement> Items(XElement parent, string list) =>
        parent.Elements().Where(e => e.Name.LocalName == list).Elements().Where(e => e.Name.LocalName == "item");

    /// <summary>The text at a path of local names (the first match at each step), or null.</summary>
    private static string? Path(XElement from, params string[] names)
    {
        var current = from;
        foreach (var name in names)
        {
            current = current?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        }
        return current?.Value;
    }

    private static string? Path(XDocument from, params string[] names) => Path(from.Root!, names);
}
