using System.Net;
using System.Net.Sockets;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>A loopback port nothing listens on, for "server unreachable" cases.</summary>
internal static class ClosedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
