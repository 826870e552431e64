using System.Net;

namespace Cyclades.Ganeti.Simulation;

/// <summary>An HTTP error the simulated RAPI answers with.</summary>
internal sealed class SimulatedRapiError(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public static SimulatedRapiError BadRequest(string message) => new(HttpStatusCode.BadRequest, message);

    /// <summary>Ganeti's answer to a body parameter its opcode refuses.</summary>
    public static SimulatedRapiError InvalidBodyParameter(string detail) =>
        BadRequest($"Invalid body parameters: (\"{detail}\", 'wrong_input')");
}
