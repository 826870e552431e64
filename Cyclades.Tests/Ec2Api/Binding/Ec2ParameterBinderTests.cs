using Cyclades.Ec2Api.Errors;
using Cyclades.Ec2Api.Mvc.Binding;
using Cyclades.Ec2Api.Protocol;

namespace Cyclades.Tests.Ec2Api.Binding;

[Category("Unit")]
public sealed class Ec2ParameterBinderTests
{
    private static T Bind<T>(string form) where T : class => Ec2ParameterBinder.Bind<T>(new Ec2Parameters(FormDecoder.Decode(form)));

    private static Ec2Error Fails<T>(string form) where T : class =>
        Assert.Throws<Ec2Exception>(() => Bind<T>(form))!.Error;

    [Test]
    public void A_list_is_read_from_its_one_based_indexes_in_index_order()
    {
        var request = Bind<InstancesRequest>("InstanceId.10=i-c&InstanceId.2=i-b&InstanceId.1=i-a");

        Assert.That(request.InstanceIds, Is.EqualTo(new[] { "i-a", "i-b", "i-c" }));
    }

    [TestCase("InstanceId=")]
    [TestCase("")]
    public void A_bare_empty_list_name_or_no_name_means_not_given(string form) =>
        Assert.That(Bind<InstancesRequest>(form).InstanceIds, Is.Empty);

    [TestCase("InstanceId=i-1", "InstanceId")]
    [TestCase("InstanceId.0=i-1", "InstanceId.0")]
    [TestCase("InstanceId.01=i-1", "InstanceId.01")]
    [TestCase("InstanceId.x=i-1", "InstanceId.x")]
    [TestCase("InstanceId.1.Extra=i-1", "InstanceId.1.Extra")]
    [TestCase("Instanceid.1=i-1", "Instanceid.1")]
    public void Names_that_are_not_list_items_are_unknown(string form, string name)
    {
        var error = Fails<InstancesRequest>(form);

        Assert.That((error.Code, error.Message), Is.EqualTo(("UnknownParameter", $"The parameter {name} is not recognized")));
    }

    [Test]
    public void Too_many_items_are_an_invalid_value()
    {
        var error = Fails<InstancesRequest>("InstanceId.1=a&InstanceId.2=b&InstanceId.3=c&InstanceId.4=d");

        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterValue", "The parameter InstanceId has too many values: at most 3 are allowed.")));
    }

    [Test]
    public void Filters_bind_names_and_their_values()
    {
        var request = Bind<InstancesRequest>(
            "Filter.1.Name=instance-state-name&Filter.1.Value.1=running&Filter.1.Value.2=pending&Filter.2.Name=tag%3AName&Filter.2.Value.1=web+1");

        Assert.That(request.Filters.Select(f => (f.Name, string.Join(",", f.Values))),
            Is.EqualTo(new[] { ("instance-state-name", "running,pending"), ("tag:Name", "web 1") }));
    }

    [Test]
    public void A_filter_without_its_required_name_is_missing_it()
    {
        var error = Fails<InstancesRequest>("Filter.1.Value.1=running");

        Assert.That((error.Code, error.Message), Is.EqualTo(("MissingParameter", "The request must contain the parameter Filter.1.Name")));
    }

    [Test]
    public void A_misspelt_member_is_reported_as_unknown_before_what_it_leaves_missing()
    {
        var error = Fails<InstancesRequest>("Filter.1.Nmae=x&Filter.1.Value.1=running");

        Assert.That((error.Code, error.Message), Is.EqualTo(("UnknownParameter", "The parameter Filter.1.Nmae is not recognized")));
    }

    [Test]
    public void Tag_specifications_nest_lists_in_lists()
    {
        var request = Bind<LaunchRequest>(
            "ImageId=ami-1&MinCount=2&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=web1"
            + "&TagSpecification.1.Tag.2.Key=empty&TagSpecification.1.Tag.2.Value=&TagSpecification.2.ResourceType=volume&TagSpecification.2.Tag.1.Key=env");

        Assert.That(request.TagSpecifications, Has.Count.EqualTo(2));
        Assert.That(request.TagSpecifications[0].ResourceType, Is.EqualTo("instance"));
        Assert.That(request.TagSpecifications[0].Tags.Select(t => (t.Key, t.Value)), Is.EqualTo(new[] { ("Name", "web1"), ("empty", "") }));
        Assert.That(request.TagSpecifications[1].Tags.Single().Value, Is.Null, "Tag.1.Value not sent");
    }

    [Test]
    public void Block_device_mappings_read_structures_inside_list_items_by_declared_type()
    {
        var request = Bind<LaunchRequest>(
            "ImageId=ami-1&MinCount=1&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fsda1&BlockDeviceMapping.1.Ebs.VolumeSize=020"
            + "&BlockDeviceMapping.1.Ebs.DeleteOnTermination=true&BlockDeviceMapping.2.DeviceName=%2Fdev%2Fsdb");

        Assert.That(request.BlockDeviceMappings[0].DeviceName, Is.EqualTo("/dev/sda1"));
        Assert.That(request.BlockDeviceMappings[0].Ebs!.VolumeSize, Is.EqualTo(20), "decimal, never octal");
        Assert.That(request.BlockDeviceMappings[0].Ebs!.DeleteOnTermination, Is.True);
        Assert.That(request.BlockDeviceMappings[1].Ebs, Is.Null);
    }

    [Test]
    public void A_bad_number_inside_a_structure_names_its_full_parameter()
    {
        var error = Fails<LaunchRequest>("ImageId=ami-1&MinCount=1&BlockDeviceMapping.1.Ebs.VolumeSize=big");

        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterValue",
            "Value (big) for parameter BlockDeviceMapping.1.Ebs.VolumeSize is invalid. Expected an integer from -2147483648 to 2147483647.")));
    }

    [Test]
    public void Struct_members_such_as_instance_type_value_bind_as_a_structure()
    {
        var structured = Bind<ModifyAttributeRequest>("InstanceId=i-1&InstanceType.Value=t2.medium");
        var flat = Bind<ModifyAttributeRequest>("InstanceId=i-1&Attribute=instanceType&Value=t2.small");

        Assert.That(structured.InstanceType!.Value, Is.EqualTo("t2.medium"));
        Assert.That((flat.Attribute, flat.Value, flat.InstanceType), Is.EqualTo(("instanceType", "t2.small", (AttributeValue?)null)));
    }

    [Test]
    public void A_structure_is_optional_until_one_of_its_members_is_sent()
    {
        Assert.That(Bind<LaunchRequest>("ImageId=ami-1&MinCount=1").Placement, Is.Null);
        Assert.That(Bind<LaunchRequest>("ImageId=ami-1&MinCount=1&Placement.AvailabilityZone=az1").Placement!.AvailabilityZone, Is.EqualTo("az1"));
    }

    [TestCase("MinCount=1", "ImageId")]
    [TestCase("ImageId=ami-1", "MinCount")]
    [TestCase("InstanceType.Value=t2.small", "InstanceId")]
    public void A_required_parameter_that_is_absent_is_missing(string form, string name)
    {
        var error = form.StartsWith("InstanceType", StringComparison.Ordinal) ? Fails<ModifyAttributeRequest>(form) : Fails<LaunchRequest>(form);

        Assert.That((error.Code, error.Message), Is.EqualTo(("MissingParameter", $"The request must contain the parameter {name}")));
    }

    [Test]
    public void Scalars_are_read_as_their_declared_types()
    {
        var request = Bind<ScalarsRequest>("Count=9007199254740993&Ratio=0.25&StartTime=2026-11-25T10%3A00%3A00Z&Enabled=True");

        Assert.That(request.Count, Is.EqualTo(9007199254740993L));
        Assert.That(request.Ratio, Is.EqualTo(0.25));
        Assert.That(request.StartTime, Is.EqualTo(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(request.Enabled, Is.True);
    }

    [TestCase("Count=1e3", "Value (1e3) for parameter Count is invalid. Expected an integer.")]
    [TestCase("Count=", "Value () for parameter Count is invalid. Expected an integer.")]
    [TestCase("Ratio=NaN", "Value (NaN) for parameter Ratio is invalid. Expected a number.")]
    [TestCase("StartTime=yesterday", "Value (yesterday) for parameter StartTime is invalid. Expected an ISO-8601 timestamp such as 2026-11-25T10:00:00Z.")]
    [TestCase("Enabled=yes", "Value (yes) for parameter Enabled is invalid. Expected: 'true' or 'false'.")]
    [TestCase("Enabled=true&Enabled=false", "The parameter Enabled must be given only once.")]
    public void Values_that_do_not_read_as_their_type_are_invalid(string form, string message)
    {
        var error = Fails<ScalarsRequest>(form);

        Assert.That((error.Code, error.Message), Is.EqualTo(("InvalidParameterValue", message)));
    }

    [Test]
    public void The_same_value_given_twice_is_accepted() =>
        Assert.That(Bind<ScalarsRequest>("Enabled=true&Enabled=true").Enabled, Is.True);

    [Test]
    public void An_int_that_overflows_is_invalid() =>
        Assert.That(Fails<InstancesRequest>("MaxResults=2147483648").Code, Is.EqualTo("InvalidParameterValue"));

    [Test]
    public void Base64_blobs_are_decoded_and_bad_base64_refused()
    {
        Assert.That(Bind<LaunchRequest>("ImageId=a&MinCount=1&UserData=ZWNobyBoaQ%3D%3D").UserData, Is.EqualTo("echo hi"u8.ToArray()));
        Assert.That(Fails<LaunchRequest>("ImageId=a&MinCount=1&UserData=not*base64").Message, Is.EqualTo("Invalid BASE64 encoding of parameter UserData."));
    }

    [Test]
    public void Over_long_values_are_refused_with_their_limit()
    {
        var error = Fails<LaunchRequest>($"ImageId=a&MinCount=1&ClientToken={new string('t', 65)}");
        var tag = Fails<LaunchRequest>($"ImageId=a&MinCount=1&TagSpecification.1.Tag.1.Key={new string('k', 129)}");
        var defaultLimit = Fails<InstancesRequest>($"InstanceId.1={new string('i', 256)}");

        Assert.That(error.Message, Is.EqualTo("The value of parameter ClientToken is too long: at most 64 characters are allowed."));
        Assert.That(tag.Message, Is.EqualTo("The value of parameter TagSpecification.1.Tag.1.Key is too long: at most 128 characters are allowed."));
        Assert.That(defaultLimit.Message, Is.EqualTo("The value of parameter InstanceId.1 is too long: at most 255 characters are allowed."));
    }

    [Test]
    public void Every_flattening_form_of_a_captured_run_instances_binds()
    {
        var captured = "Action=RunInstances&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fsda1&BlockDeviceMapping.1.Ebs.VolumeSize=20"
            + "&ClientToken=d88045f1-227e-4a11-a9d3-d91744ad9cb2&ImageId=ami-12c6146b&MinCount=1"
            + "&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=web1&Version=2016-11-15";
        var parameters = FormDecoder.Decode(captured).Where(p => p.Key is not ("Action" or "Version"));

        var request = Ec2ParameterBinder.Bind<LaunchRequest>(new Ec2Parameters(parameters));

        Assert.That(request.BlockDeviceMappings.Single().Ebs!.VolumeSize, Is.EqualTo(20));
        Assert.That(request.TagSpecifications.Single().Tags.Single().Value, Is.EqualTo("web1"));
    }

    [Test]
    public void A_model_property_without_a_wire_name_is_a_programming_error() =>
        Assert.That(() => Ec2StructureShape.For(typeof(UndeclaredPropertyRequest)),
            Throws.InvalidOperationException.With.Message.Contains("Forgotten has no [Ec2Parameter]"));

    [Test]
    public void A_member_type_the_binder_cannot_read_is_a_programming_error() =>
        Assert.That(() => Ec2StructureShape.For(typeof(UnsupportedTypeRequest)),
            Throws.InvalidOperationException.With.Message.Contains("When has type TimeSpan"));
}
