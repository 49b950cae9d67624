using System.Net;
using System.Net.Sockets;

namespace NativeDvt.AppHost;

/// <summary>Ports on 127.0.0.1: which fixed ones are taken, and free ones for the resources whose numbers do not matter.</summary>
internal static class LoopbackPorts
{
    /// <summary>The name of the first port in <paramref name="ports"/> that cannot be bound on 127.0.0.1, or null.</summary>
    public static string? FirstTaken(IReadOnlyDictionary<string, int> ports)
    {
        foreach (var (name, port) in ports)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
            }
            catch (SocketException)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// A port the kernel has free now. Released before the resource binds it, so another program could take it in between;
    /// the resource then fails to start and the AppHost says which one.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
