using Cyclades.Ec2Api.Actions.Common;
using Cyclades.Ec2Api.Mvc;
using Cyclades.Ec2Api.Mvc.Binding;

namespace Cyclades.Ec2Api.Actions.KeyPairs;

public sealed class ImportKeyPairRequest : Ec2Request, ISupportsDryRun
{
    [Ec2Parameter("KeyName", Required = true, MaxLength = 1024)]
    public string KeyName { get; init; } = "";

    /// <summary>The public key (OpenSSH, RFC 4716, PEM, DER or base64 of these), base64-encoded on the wire (the CLIs and boto3 do that).</summary>
    [Ec2Parameter("PublicKeyMaterial", Required = true, MaxLength = 65536)]
    public byte[] PublicKeyMaterial { get; init; } = [];

    [Ec2Parameter("TagSpecification", MaxItems = 10)]
    public IReadOnlyList<TagSpecificationParameter> TagSpecifications { get; init; } = [];

    [Ec2Parameter("DryRun")]
    public bool DryRun { get; init; }
}
