using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Actions.Volumes;
using Cyclades.Ec2Api.Hosting;
using Cyclades.Logic.Launches;
using Microsoft.Extensions.Options;

namespace Cyclades.Tests.Ec2Api.Actions;

/// <summary>EC2 VolumeType ↔ the cloud's volume types, and block device mappings as launch volumes.</summary>
[Category("Unit")]
public sealed class VolumeTypeMappingTests
{
    private static VolumeTypeMapping Mapping(params (string Ec2, string Core)[] pairs) =>
        new(Options.Create(new Ec2ApiOptions { VolumeTypes = pairs.ToDictionary(p => p.Ec2, p => p.Core) }));

    [Test]
    public void Mapped_types_translate_both_ways_and_unmapped_ones_mean_the_instance_types_default()
    {
        var mapping = Mapping(("gp3", "plain"), ("gp2", "plain"), ("standard", "file"));

        Assert.That((mapping.ToCore("gp3"), mapping.ToCore("io1"), mapping.ToCore(null)), Is.EqualTo(("plain", (string?)null, (string?)null)));
        Assert.That((mapping.ToEc2("plain"), mapping.ToEc2("file"), mapping.ToEc2("drbd")), Is.EqualTo(("gp2", "standard", "standard")));
    }

    [Test]
    public void The_options_validator_refuses_a_key_that_is_no_ec2_volume_type()
    {
        var result = new Ec2ApiOptionsValidator().Validate(null, new Ec2ApiOptions { VolumeTypes = new() { ["gp9"] = "plain", ["gp3"] = "plain" } });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("VolumeTypes:gp9").And.Not.Contain("VolumeTypes:gp3"));
    }

    [Test]
    public void The_root_devices_entry_overrides_the_root_and_other_entries_add_blank_volumes()
    {
        var (root, extra) = LaunchBlockDevices.Translate(
        [
            new BlockDeviceMappingParameter { DeviceName = "sdd", Ebs = new EbsBlockDeviceParameter { VolumeSize = 3, DeleteOnTermination = false } },
            new BlockDeviceMappingParameter { DeviceName = "/dev/xvda", Ebs = new EbsBlockDeviceParameter { VolumeSize = 8, VolumeType = "gp3", Iops = 3000 } },
            new BlockDeviceMappingParameter { DeviceName = "/dev/sdg", NoDevice = "" },
        ], Mapping(("gp3", "plain")));

        Assert.That(root, Is.EqualTo(new LaunchVolume(8, "plain", true, "/dev/xvda")));
        Assert.That(extra, Is.EqualTo(new[] { new LaunchVolume(3, null, false, "sdd") }));
    }

    [TestCase("/dev/sdf", true)]
    [TestCase("sdf", true)]
    [TestCase("/dev/sda1", true)]
    [TestCase("/dev/xvdba", true)]
    [TestCase("xvdh", true)]
    [TestCase("/dev/sdi1x", false)]
    [TestCase("/dev/xvdeo", false)]
    [TestCase("/dev/nvme0n1", false)]
    public void Device_names_follow_ec2s_rules(string name, bool valid) => Assert.That(DeviceNames.IsValid(name), Is.EqualTo(valid));
}
