namespace Cyclades.Logic.Errors;

/// <summary>
/// An operator's definition of a flavor, image or backend was refused: invalid, a duplicate, or
/// owned by configuration. The message says which and why.
/// </summary>
public sealed class DefinitionException(string message) : DomainException(message)
{
    /// <summary>Throws one exception listing every problem, if there are any.</summary>
    public static void ThrowIfAny(string subject, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            throw new DefinitionException($"{subject}: {string.Join(" ", list)}");
        }
    }
}
