using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// A webhook receiver on loopback: records every request (headers and raw body) and answers what the test's
/// responder says. Tests wait on <see cref="NextAsync"/>, never on time.
/// </summary>
internal sealed class AlertReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Channel<ReceivedRequest> _arrivals = Channel.CreateUnbounded<ReceivedRequest>();

    private AlertReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>Starts a receiver; <paramref name="respond"/> answers each request (by default 200).</summary>
    public static async Task<AlertReceiver> StartAsync(Func<ReceivedRequest, CancellationToken, Task<IResult>>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new AlertReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var request = new ReceivedRequest(
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            receiver._requests.Enqueue(request);
            receiver._arrivals.Writer.TryWrite(request);
            return respond is null ? Results.Ok() : await respond(request, context.RequestAborted);
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First() + "/hooks/secret-path-token");
        return receiver;
    }

    /// <summary>Waits for the next request to arrive (at most a minute).</summary>
    public async Task<ReceivedRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
