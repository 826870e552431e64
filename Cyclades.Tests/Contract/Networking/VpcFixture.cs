using Amazon.EC2.Model;
using Cyclades.Logic.Persistence;
using Cyclades.Tests.Contract.Compute;

namespace Cyclades.Tests.Contract.Networking;

/// <summary>A <see cref="ComputeFixture"/> with a VPC of Alice's, <c>&lt;prefix&gt;.0.0/16</c>, and a subnet of its own for each test that asks.</summary>
public abstract class VpcFixture(DatabaseProvider provider, string prefix) : ComputeFixture(provider)
{
    private int _nextSubnet;

    protected Vpc Vpc { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task MakeAVpc() =>
        Vpc = (await Alice.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"{prefix}.0.0/16" })).Vpc;

    /// <summary>A new subnet of the VPC (a /24 unless asked otherwise).</summary>
    protected async Task<Subnet> NewSubnetAsync(int size = 24) =>
        (await Alice.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = Vpc.VpcId, CidrBlock = $"{prefix}.{Interlocked.Increment(ref _nextSubnet)}.0/{size}",
        })).Subnet;
}
