using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class CreateKeyPairRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("KeyName", Required = true, MaxLength = 1024)]
    public string KeyName { get; init; } = "";

    /// <summary><c>rsa</c> (the default, 2048 bits) or <c>ed25519</c>.</summary>
    [Ec2Parameter("KeyType")]
    public string? KeyType { get; init; }

    /// <summary><c>pem</c> (the default) or <c>ppk</c> (a PuTTY private key file, version 2).</summary>
    [Ec2Parameter("KeyFormat")]
    public string? KeyFormat { get; init; }

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
