using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>A Kestrel app for a test double: loopback, a free port, no logging of its own.</summary>
internal static class LoopbackWebApp
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }
}
