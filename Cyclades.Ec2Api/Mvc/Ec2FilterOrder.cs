namespace Cyclades.Ec2Api.Mvc;

/// <summary>The order of the EC2 action filters: validation, then the DryRun check, then the action.</summary>
public static class Ec2FilterOrder
{
    public const int Validation = -2000;
    public const int DryRun = -1000;
}
