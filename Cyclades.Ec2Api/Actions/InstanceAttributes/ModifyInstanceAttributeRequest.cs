using Cyclades.Ec2Api.Actions.Instances;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.InstanceAttributes;

/// <summary>
/// One attribute per call, in either wire form: <c>InstanceType.Value=t2.small</c> or
/// <c>Attribute=instanceType&amp;Value=t2.small</c>. Only the instance type can change here; the other
/// attributes are declared so that asking for them is a clear <c>UnsupportedOperation</c>.
/// </summary>
public sealed class ModifyInstanceAttributeRequest : Ec2Request, ISupportsDryRun
{
    public const string InstanceTypeAttribute = "instanceType";
    public const string BlockDeviceMappingAttribute = "blockDeviceMapping";

    [Ec2Parameter("InstanceId", Required = true)]
    public string InstanceId { get; init; } = "";

    [Ec2Parameter("Attribute")]
    public string? Attribute { get; init; }

    [Ec2Parameter("Value", MaxLength = 65536)]
    public string? Value { get; init; }

    [Ec2Parameter("InstanceType")]
    public AttributeValueParameter? InstanceType { get; init; }

    [Ec2Parameter("UserData")]
    public BlobValueParameter? UserData { get; init; }

    [Ec2Parameter("Kernel")]
    public AttributeValueParameter? Kernel { get; init; }

    [Ec2Parameter("Ramdisk")]
    public AttributeValueParameter? Ramdisk { get; init; }

    [Ec2Parameter("InstanceInitiatedShutdownBehavior")]
    public AttributeValueParameter? InstanceInitiatedShutdownBehavior { get; init; }

    [Ec2Parameter("SriovNetSupport")]
    public AttributeValueParameter? SriovNetSupport { get; init; }

    [Ec2Parameter("SourceDestCheck")]
    public BooleanValueParameter? SourceDestCheck { get; init; }

    [Ec2Parameter("DisableApiTermination")]
    public BooleanValueParameter? DisableApiTermination { get; init; }

    [Ec2Parameter("DisableApiStop")]
    public BooleanValueParameter? DisableApiStop { get; init; }

    [Ec2Parameter("EbsOptimized")]
    public BooleanValueParameter? EbsOptimized { get; init; }

    [Ec2Parameter("EnaSupport")]
    public BooleanValueParameter? EnaSupport { get; init; }

    [Ec2Parameter("GroupId")]
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    [Ec2Parameter("BlockDeviceMapping", MaxItems = 16)]
    public IReadOnlyList<InstanceBlockDeviceMappingParameter> BlockDeviceMappings { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }

    /// <summary>The attributes the request changes, by their <c>Attribute</c> names.</summary>
    public IReadOnlyList<string> Attributes()
    {
        var named = new (string Name, bool Given)[]
        {
            (InstanceTypeAttribute, InstanceType is not null),
            ("userData", UserData is not null),
            ("kernel", Kernel is not null),
            ("ramdisk", Ramdisk is not null),
            ("instanceInitiatedShutdownBehavior", InstanceInitiatedShutdownBehavior is not null),
            ("sriovNetSupport", SriovNetSupport is not null),
            ("sourceDestCheck", SourceDestCheck is not null),
            ("disableApiTermination", DisableApiTermination is not null),
            ("disableApiStop", DisableApiStop is not null),
            ("ebsOptimized", EbsOptimized is not null),
            ("enaSupport", EnaSupport is not null),
            ("groupSet", GroupIds.Count > 0),
            (BlockDeviceMappingAttribute, BlockDeviceMappings.Count > 0),
        };
        return named.Where(a => a.Given).Select(a => a.Name).Concat(Attribute is null ? [] : [Attribute]).ToList();
    }

    /// <summary>The new instance type, from whichever form was used.</summary>
    public string? NewInstanceType => InstanceType?.Value ?? (Attribute == InstanceTypeAttribute ? Value : null);

    /// <summary>The new value of a true/false attribute, from whichever form was used (null: not given, or not true/false).</summary>
    public bool? NewBoolean(string attribute) =>
        attribute switch
        {
            "disableApiTermination" => DisableApiTermination?.Value,
            "disableApiStop" => DisableApiStop?.Value,
            "sourceDestCheck" => SourceDestCheck?.Value,
            "ebsOptimized" => EbsOptimized?.Value,
            _ => null,
        } ?? (Attribute == attribute && bool.TryParse(Value, out var value) ? value : null);

    public string? NewShutdownBehavior =>
        InstanceInitiatedShutdownBehavior?.Value ?? (Attribute == "instanceInitiatedShutdownBehavior" ? Value : null);

    /// <summary>The new user data (empty to remove it); null when the base64 of the <c>Attribute</c> form is not valid.</summary>
    public byte[]? NewUserData =>
        UserData?.Value ?? (Attribute == "userData" && Value is not null ? Instances.RunInstancesValidator.DecodeUserData(Value) : null);
}
