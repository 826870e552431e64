using Cyclades.Logic.Secrets;

namespace Cyclades.Logic.Backends;

/// <summary>A cluster's RAPI password as stored in its backend row: encrypted, then base64.</summary>
internal static class BackendPassword
{
    public static string? Protect(SecretProtector secrets, string backendName, string? password) =>
        password is null ? null : Convert.ToBase64String(secrets.Protect(Purpose(backendName), password));

    public static string? Unprotect(SecretProtector secrets, string backendName, string? stored) =>
        stored is null ? null : secrets.Unprotect(Purpose(backendName), Convert.FromBase64String(stored));

    private static string Purpose(string backendName) => "backend-password/" + backendName;
}
