namespace Cyclades.Ec2Api.Filtering;

/// <summary>How filters see values that are not strings: booleans as <c>true</c>/<c>false</c>.</summary>
public static class FilterValues
{
    public static string Bool(bool value) => value ? "true" : "false";
}
