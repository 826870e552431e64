namespace Cyclades.Host.Admin.Output;

/// <summary>One field of a listing: its name, its value (what <c>--json</c> prints) and how a table shows it.</summary>
public sealed record Column<T>(string Name, Func<T, object?> Value, Func<T, string>? Text = null)
{
    public string TextOf(T row) => Text?.Invoke(row) ?? AdminOutput.Format(Value(row));
}
