using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// A reverse proxy on loopback (Kestrel) in front of a simulator, so that faults the documented protocol does not have
/// (gateways, networks) reach the product without bending the simulator. Queued faults apply to the next page
/// requests (POST) one each, in order; <see cref="FaultByPath"/> picks requests by path; <see cref="Down"/> resets every connection, as a server that is not there;
/// <see cref="Latency"/> delays every answer, as a distant region does.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Content-Length", "Keep-Alive" };
    private readonly WebApplication _app;
    private readonly Uri _upstream;
    private readonly HttpClient _client = new();
    private readonly ConcurrentQueue<ProxyFault> _faults = new();
    private int _faultsServed;

    private FaultProxy(WebApplication app, Uri upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets or sets whether every connection is reset before an answer (the server is down).</summary>
    public bool Down { get; set; }

    /// <summary>Gets or sets the delay added before every forwarded answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Gets or sets the fault for requests by path, whatever their method (Connect's listings are GETs); a path it
    /// answers null for takes the next queued fault, if it is a POST.
    /// </summary>
    public Func<string, ProxyFault?>? FaultByPath { get; set; }

    public int FaultsServed => Volatile.Read(ref _faultsServed);

    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        var app = LoopbackWebApp.Create();
        var proxy = new FaultProxy(app, upstream);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.BaseUrl = new Uri(app.Urls.First());
        return proxy;
    }

    public void Inject(IEnumerable<ProxyFault> faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public void ClearFaults() => _faults.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Down)
        {
            context.Abort();
            return;
        }

        var fault = FaultByPath?.Invoke(context.Request.Path)
            ?? (HttpMethods.IsPost(context.Request.Method) && _faults.TryDequeue(out var next) ? next : null);
        if (fault is not null)
        {
            Interlocked.Increment(ref _faultsServed);
        }

        try
        {
            await AnswerAsync(context, fault);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, during a slow answer): nothing left to answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, ProxyFault? fault)
    {
        var cancellationToken = context.RequestAborted;
        switch (fault?.Kind)
        {
            case ProxyFaultKind.Status:
                context.Response.StatusCode = fault.StatusCode;
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsJsonAsync(new { Error = new { Message = "injected by the fault proxy" } }, cancellationToken);
                return;
            case ProxyFaultKind.NotJson:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", cancellationToken);
                return;
            case ProxyFaultKind.Slow:
                await Task.Delay(fault.Delay, TimeProvider.System, cancellationToken);
                break;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, TimeProvider.System, cancellationToken);
        }

        using var upstream = await ForwardAsync(context.Request, cancellationToken);
        var body = await upstream.Content.ReadAsByteArrayAsync(cancellationToken);
        context.Response.StatusCode = (int)upstream.StatusCode;
        foreach (var header in upstream.Headers.Concat(upstream.Content.Headers).Where(h => !NotForwarded.Contains(h.Key)))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (fault?.Kind == ProxyFaultKind.Truncated)
        {
            body = body[..(body.Length / 2)];
        }

        context.Response.ContentLength = body.Length;
        if (fault?.Kind == ProxyFaultKind.CutMidBody)
        {
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body, cancellationToken);
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream, request.Path + request.QueryString));
        using var content = new MemoryStream();
        await request.Body.CopyToAsync(content, cancellationToken);
        if (content.Length > 0 || HttpMethods.IsPost(request.Method))
        {
            forwarded.Content = new ByteArrayContent(content.ToArray());
        }

        foreach (var header in request.Headers.Where(h => !NotForwarded.Contains(h.Key)))
        {
            if (!forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        return await _client.SendAsync(forwarded, cancellationToken);
    }
}
