using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// A forwarding proxy on loopback in front of a simulator: GET requests pass through unchanged, except those whose
/// path the test names, whose connection is cut after the response has begun (half a body, then nothing). The
/// simulator behind it stays exactly as documented; the fault is the network's.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private CuttingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets or sets which request paths have their connection cut.</summary>
    public Func<string, bool> Cut { get; set; } = _ => false;

    public static async Task<CuttingProxy> StartAsync(Uri upstream)
    {
        var app = LoopbackWebApp.Create();
        var proxy = new CuttingProxy(app, new HttpClient { BaseAddress = upstream });
        app.MapGet("/{**path}", async (HttpContext context) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, context.Request.Path + context.Request.QueryString);
            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
            using var response = await proxy._upstream.SendAsync(request, context.RequestAborted);
            var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            if (!proxy.Cut(context.Request.Path))
            {
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
                return;
            }

            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });
        await app.StartAsync();
        proxy.BaseUrl = new Uri(app.Urls.First());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
