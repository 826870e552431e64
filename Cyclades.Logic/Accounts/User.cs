namespace Cyclades.Logic.Accounts;

/// <summary>Someone who owns servers and signs requests with access keys.</summary>
public sealed record User(long Id, string Name, bool Disabled, DateTimeOffset CreatedAt);
