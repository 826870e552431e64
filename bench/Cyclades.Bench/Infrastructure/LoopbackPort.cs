using System.Net;
using System.Net.Sockets;

namespace Cyclades.Bench.Infrastructure;

public static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that is free now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on the port, or <paramref name="process"/> exits.</summary>
    public static async Task WaitForListenerAsync(int port, ChildProcess process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new BenchException($"{process.Name} exited with code {process.ExitCode}:\n{process.Tail()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new BenchException($"{process.Name} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s ({e.Message}):\n{process.Tail()}");
            }
        }
    }
}
