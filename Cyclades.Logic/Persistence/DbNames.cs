namespace Cyclades.Logic.Persistence;

/// <summary>Enums are stored by name in upper case (<c>STARTED</c>, <c>STOP</c>), as Synnefo stores them.</summary>
public static class DbNames
{
    public static string ToDb<T>(this T value) where T : struct, Enum => value.ToString().ToUpperInvariant();

    public static string? ToDb<T>(this T? value) where T : struct, Enum => value?.ToDb();

    public static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);

    public static T? ParseOrNull<T>(string? value) where T : struct, Enum => value is null ? null : Parse<T>(value);
}
