using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>
/// An Events API test double on loopback whose pages the test writes: for each page request it calls the script
/// with the cursor sent (null for a reset) and answers the JSON the script returns. It stands for an API that
/// misbehaves (malformed events, endless paging), which the simulator, following the documented protocol, never does.
/// </summary>
internal sealed class ScriptedEventsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string?> _cursors = new();

    private ScriptedEventsApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Gets the cursor of every page request so far, in order (null for a reset).</summary>
    public IReadOnlyList<string?> Cursors => [.. _cursors];

    public static async Task<ScriptedEventsApi> StartAsync(Func<string?, string> page)
    {
        var app = LoopbackWebApp.Create();
        var api = new ScriptedEventsApi(app);
        app.MapPost("/api/{version}/{feature}", async (HttpContext context) =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var cursor = request.RootElement.TryGetProperty("cursor", out var sent) ? sent.GetString() : null;
            api._cursors.Enqueue(cursor);
            return Results.Text(page(cursor), "application/json");
        });
        await app.StartAsync();
        api.BaseUrl = new Uri(app.Urls.First());
        return api;
    }

    /// <summary>A page body: <paramref name="items"/> are JSON texts written into <c>items</c> as they are.</summary>
    public static string Page(string cursor, bool hasMore, params IEnumerable<string> items) =>
        $$"""{"cursor":{{JsonSerializer.Serialize(cursor)}},"has_more":{{(hasMore ? "true" : "false")}},"items":[{{string.Join(",", items)}}]}""";

    /// <summary>An item usage with the given uuid, timestamp text, action and user (a JSON text), plus <paramref name="extra"/> members.</summary>
    public static string ItemUsage(string uuid, string timestamp = "2026-10-31T12:00:00Z", string action = "reveal", string user = """{"uuid":"U1","name":"Ann","email":"ann@example.test"}""", string extra = "") =>
        $$"""{"uuid":"{{uuid}}","timestamp":"{{timestamp}}","used_version":1,"vault_uuid":"V1","item_uuid":"I1","action":"{{action}}","user":{{user}}{{extra}}}""";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
