namespace Cyclades.Logic.Errors;

/// <summary>
/// A rule of the domain refused the request. Each subclass carries the facts a front-end needs to
/// render its own error (the EC2 layer maps the type to an EC2 code in one table).
/// </summary>
public abstract class DomainException(string message, Exception? inner = null) : Exception(message, inner);
