using System.Globalization;
using Cyclades.Ec2Api.Errors;

namespace Cyclades.Ec2Api.Mvc.Binding;

/// <summary>Reads one wire value as the member's declared type (never guessing: <c>010</c> is ten).</summary>
public static class Ec2ScalarParser
{
    private const int MaxEchoedLength = 64;
    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    public static object Parse(Type type, string name, string value, Ec2ParameterAttribute parameter)
    {
        if (type == typeof(string))
        {
            if (value.Length > parameter.MaxLength)
            {
                throw Ec2Errors.InvalidParameterValue(
                    $"The value of parameter {name} is too long: at most {parameter.MaxLength} characters are allowed.");
            }
            return value;
        }
        if (type == typeof(bool))
        {
            return value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                : throw Invalid(name, value, "Expected: 'true' or 'false'.");
        }
        if (type == typeof(int))
        {
            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(name, value, $"Expected an integer from {int.MinValue} to {int.MaxValue}.");
        }
        if (type == typeof(long))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(name, value, "Expected an integer.");
        }
        if (type == typeof(double))
        {
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw Invalid(name, value, "Expected a number.");
        }
        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw Invalid(name, value, "Expected an ISO-8601 timestamp such as 2026-11-25T10:00:00Z.");
        }
        if (type == typeof(byte[]))
        {
            if (value.Length > parameter.MaxLength)
            {
                throw Ec2Errors.InvalidParameterValue(
                    $"The value of parameter {name} is too long: at most {parameter.MaxLength} characters are allowed.");
            }
            var buffer = new byte[value.Length];
            return Convert.TryFromBase64String(value, buffer, out var written)
                ? buffer[..written]
                : throw Ec2Errors.InvalidParameterValue($"Invalid BASE64 encoding of parameter {name}.");
        }
        throw new InvalidOperationException($"No parser for {type.Name}.");
    }

    private static Ec2Exception Invalid(string name, string value, string reason) =>
        Ec2Errors.InvalidParameterValue(name, value.Length > MaxEchoedLength ? value[..MaxEchoedLength] + "…" : value, reason);
}
