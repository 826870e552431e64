using System.Net;
using System.Net.Sockets;

namespace Cyclades.Tests.Infrastructure;

public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on right now: one the system just handed out and took back.</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
