using Amazon.EC2;
using Amazon.EC2.Model;
using Cyclades.Logic.Quotas;
using Cyclades.Tests.Contract.Compute;
using Cyclades.Tests.Dispatch.Support;
using Cyclades.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cyclades.Tests.Contract.Ansible;

/// <summary>
/// Issues 15 and 16's Ansible acceptance, the same on the simulated and the real cluster: the playbooks of
/// <c>TestData/ansible/</c> run by Debian's ansible for one user; every task succeeds, the networking playbook's second
/// run changes nothing, and afterwards the SDK sees nothing of the run's and the user's usage is back to zero.
/// </summary>
public sealed class AnsibleAcceptance(Ec2ApiHost host, TestUser user, string image, string instanceType)
{
    private const string VpcCidr = "10.42.0.0/16";
    private const string SubnetCidr = "10.42.1.0/24";

    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(2);

    private readonly string _prefix = "ans" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>networking.yml: VPC, subnet, security group, key pair, instance, Elastic IP; twice; then torn down.</summary>
    public async Task NetworkingAsync()
    {
        using var ansible = new AnsiblePlaybook(host, user);
        using var ec2 = host.CreateClient(user);
        var variables = new Dictionary<string, object>
        {
            ["prefix"] = _prefix,
            ["image_id"] = image,
            ["instance_type"] = instanceType,
            ["vpc_cidr"] = VpcCidr,
            ["subnet_cidr"] = SubnetCidr,
            ["public_key"] = await PublicKeyAsync(ansible.Directory),
        };
        PlaybookRun teardown;
        try
        {
            var first = (await ansible.RunAsync("networking.yml", With(variables, "present"))).AssertSucceeded("first run");
            Assert.That(first.ChangedTasks, Is.SupersetOf(new[]
            {
                "Create a VPC", "Create a subnet in the VPC", "Create a security group with rules in the default VPC",
                "Import a key pair", "Launch an instance in the default VPC and wait until it runs", "Associate an Elastic IP with the instance",
            }), "the first run creates everything");
            await AssertBuiltAsync(ec2);

            var second = (await ansible.RunAsync("networking.yml", With(variables, "present"))).AssertSucceeded("second run");
            Assert.That(second.ChangedTasks, Is.Empty, "the second run changes nothing");
        }
        finally
        {
            teardown = await ansible.RunAsync("networking.yml", With(variables, "absent"));
        }
        teardown.AssertSucceeded("teardown");
        Assert.That(teardown.ChangedTasks, Is.SupersetOf(new[]
        {
            "Release the Elastic IP", "Terminate the instance", "Delete the key pair", "Delete the security group", "Delete the subnet", "Delete the VPC",
        }), "the teardown removes everything");

        await AssertNoInstanceLeftAsync(ec2);
        Assert.That((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [Tag("Name", _prefix + "-vpc")] })).Vpcs ?? [], Is.Empty, "VPCs");
        Assert.That((await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("cidr-block", [SubnetCidr])] })).Subnets ?? [],
            Is.Empty, "subnets");
        Assert.That((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("group-name", [_prefix + "-web"])] }))
            .SecurityGroups ?? [], Is.Empty, "security groups");
        Assert.That((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { Filters = [new Filter("key-name", [_prefix + "-key"])] })).KeyPairs ?? [],
            Is.Empty, "key pairs");
        Assert.That((await ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses ?? [], Is.Empty, "Elastic IPs");
        await AssertUsageIsZeroAsync();
    }

    /// <summary>storage.yml: a volume created, attached, detached and deleted; an image made from the instance; all removed.</summary>
    public async Task StorageAsync()
    {
        using var ansible = new AnsiblePlaybook(host, user);
        using var ec2 = host.CreateClient(user);
        var run = (await ansible.RunAsync("storage.yml", new Dictionary<string, object>
        {
            ["prefix"] = _prefix,
            ["image_id"] = image,
            ["instance_type"] = instanceType,
        })).AssertSucceeded("volumes and an image");
        Assert.That(run.ChangedTasks, Is.SupersetOf(new[]
        {
            "Launch an instance and wait until it runs", "Create a volume attached to the instance", "Detach the volume", "Delete the detached volume",
            "Create a volume attached to nothing", "Delete the volume",
            "Make an image of the instance", "Deregister the image", "Terminate the instance",
        }), "every step changed what it should");

        await AssertNoInstanceLeftAsync(ec2);
        var volumes = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest())).Volumes ?? [];
        Assert.That(volumes.Where(v => v.State != VolumeState.Deleted).Select(v => $"{v.VolumeId} {v.State}"), Is.Empty, "volumes");
        var images = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? [];
        Assert.That(images.Select(i => $"{i.ImageId} {i.Name} {i.State}"), Is.Empty, "images of the user's");
        await AssertUsageIsZeroAsync();
    }

    private static Dictionary<string, object> With(Dictionary<string, object> variables, string state) =>
        new(variables) { ["state"] = state };

    private static Filter Tag(string key, string value) => new("tag:" + key, [value]);

    private static async Task<string> PublicKeyAsync(string directory)
    {
        var result = await ExternalProcess.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "ansible-contract", "-f", "key"],
            workingDirectory: directory);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return (await File.ReadAllTextAsync(Path.Combine(directory, "key.pub"))).Trim();
    }

    /// <summary>What the first run built, as the SDK sees it.</summary>
    private async Task AssertBuiltAsync(AmazonEC2Client ec2)
    {
        var instances = await ec2.ListAsync(Tag("Name", _prefix + "-vm"), new Filter("instance-state-name", ["running"]));
        Assert.That(instances, Has.Count.EqualTo(1), "one running instance");
        var instance = instances[0];
        var addresses = (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest
        {
            Filters = [Tag("Purpose", _prefix + "-eip")],
        })).Addresses ?? [];
        Assert.Multiple(() =>
        {
            Assert.That(addresses.Select(a => a.InstanceId), Is.EqualTo(new[] { instance.InstanceId }), "one Elastic IP, tagged, associated with the instance");
            Assert.That(instance.PublicIpAddress, Is.EqualTo(addresses.Single().PublicIp), "the instance's public address is the Elastic IP");
            Assert.That(instance.KeyName, Is.EqualTo(_prefix + "-key"));
            Assert.That((instance.SecurityGroups ?? []).Select(g => g.GroupName), Is.EqualTo(new[] { _prefix + "-web" }));
        });
        var vpcs = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [Tag("Name", _prefix + "-vpc")] })).Vpcs ?? [];
        Assert.That(vpcs.Select(v => v.CidrBlock), Is.EqualTo(new[] { VpcCidr }), "the VPC");
        var subnets = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpcs[0].VpcId])] })).Subnets ?? [];
        Assert.That(subnets.Select(s => s.CidrBlock), Is.EqualTo(new[] { SubnetCidr }), "the VPC's subnet");
    }

    private async Task AssertNoInstanceLeftAsync(AmazonEC2Client ec2)
    {
        var left = (await ec2.ListAsync(Tag("Name", _prefix + "-vm"))).Where(i => i.State.Name != InstanceStateName.Terminated);
        Assert.That(left.Select(i => $"{i.InstanceId} {i.State.Name}"), Is.Empty, "instances");
    }

    private async Task AssertUsageIsZeroAsync()
    {
        var id = await host.LogicUserIdAsync(user);
        var quotas = host.Services.GetRequiredService<QuotaService>();
        IEnumerable<string> held = [];
        await Eventually.HoldsAsync(async () =>
            !(held = (await quotas.GetAsync(id, CancellationToken.None)).Resources
                .Where(r => r.Usage != 0 || r.Pending != 0).Select(r => $"{r.Resource.Name()} usage {r.Usage} pending {r.Pending}").ToList()).Any(),
            () => "the user's usage back to zero: " + string.Join(", ", held), SettleLimit, TimeSpan.FromMilliseconds(200));
    }
}
