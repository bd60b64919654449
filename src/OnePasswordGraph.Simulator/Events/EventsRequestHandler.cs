using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>Answers one Events API request: faults, routing, bearer and feature checks, rate windows, then the endpoint.</summary>
internal sealed class EventsRequestHandler(EventsSimulatorOptions options, CursorCodec cursors)
{
    private static readonly HashSet<string> Features = new(StringComparer.Ordinal) { "itemusages", "auditevents", "signinattempts" };

    private readonly ConcurrentDictionary<string, EventLog> _logs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RequestRecord> _requests = new();

    public EventsSimulatorOptions Options => options;

    public ConcurrentDictionary<string, SimulatedToken> Tokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<Fault> Faults { get; } = new();

    public IReadOnlyList<RequestRecord> Requests => [.. _requests];

    public EventLog Log(string feature) => _logs.GetOrAdd(feature, _ => new EventLog());

    public async Task HandleAsync(HttpContext context)
    {
        var status = await AnswerAsync(context).ConfigureAwait(false);
        _requests.Enqueue(new RequestRecord(context.Request.Method, context.Request.Path.Value ?? "/", status));
    }

    private async Task<int> AnswerAsync(HttpContext context)
    {
        if (Faults.TryDequeue(out var fault))
        {
            if (fault.Delay is { } delay)
            {
                await Task.Delay(delay, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
            }

            if (fault.Abort)
            {
                context.Abort();
                return 0;
            }

            if (fault.StatusCode is { } injected)
            {
                return await ErrorAsync(context, injected).ConfigureAwait(false);
            }
        }

        var path = context.Request.Path.Value ?? "/";
        var (version, feature, introspection) = Route(path);
        if (version is null)
        {
            return await ErrorAsync(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
        }

        var expected = introspection ? HttpMethods.Get : HttpMethods.Post;
        if (!string.Equals(context.Request.Method, expected, StringComparison.Ordinal))
        {
            context.Response.Headers.Allow = expected;
            return await ErrorAsync(context, StatusCodes.Status405MethodNotAllowed).ConfigureAwait(false);
        }

        var now = options.TimeProvider.GetUtcNow();
        if (Authenticate(context.Request, now) is not { } token)
        {
            return await ErrorAsync(context, StatusCodes.Status401Unauthorized).ConfigureAwait(false);
        }

        if (_windows.GetOrAdd(token.Token, _ => new RateWindow(options.RequestsPerMinute, options.RequestsPerHour)).TryTake(now) is { } wait)
        {
            if (options.SendRetryAfter)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return await ErrorAsync(context, StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
        }

        if (introspection)
        {
            return await IntrospectAsync(context, token, version).ConfigureAwait(false);
        }

        if (!token.Features.Contains(feature!, StringComparer.Ordinal))
        {
            return await ErrorAsync(context, options.MissingFeatureStatus).ConfigureAwait(false);
        }

        return await PageAsync(context, feature!, version, now).ConfigureAwait(false);
    }

    private static (string? Version, string? Feature, bool Introspection) Route(string path)
    {
        if (path == "/api/v2/auth/introspect")
        {
            return ("v2", null, true);
        }

        if (path == "/api/auth/introspect")
        {
            return ("v1", null, true);
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["api", "v1" or "v2", var feature] && Features.Contains(feature) ? (parts[1], feature, false) : (null, null, false);
    }

    private SimulatedToken? Authenticate(HttpRequest request, DateTimeOffset now)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        return Tokens.TryGetValue(header["Bearer ".Length..].Trim(), out var token) && !token.Revoked && (token.ExpiresAt is null || token.ExpiresAt > now)
            ? token
            : null;
    }

    private static async Task<int> IntrospectAsync(HttpContext context, SimulatedToken token, string version)
    {
        var issuedAt = token.IssuedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var v2 = version == "v2";
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            // v2 is snake_case and names the account; the deprecated v1 is PascalCase.
            writer.WriteStartObject();
            writer.WriteString(v2 ? "uuid" : "UUID", token.IntegrationUuid);
            writer.WriteString(v2 ? "issued_at" : "IssuedAt", issuedAt);
            writer.WriteStartArray(v2 ? "features" : "Features");
            foreach (var feature in token.Features)
            {
                writer.WriteStringValue(feature);
            }

            writer.WriteEndArray();
            if (v2)
            {
                writer.WriteString("account_uuid", token.AccountUuid);
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
        return StatusCodes.Status200OK;
    }

    private async Task<int> PageAsync(HttpContext context, string feature, string version, DateTimeOffset now)
    {
        var log = Log(feature);
        var request = await PageRequest.ReadAsync(context.Request, feature, version, now, log.HighestSequence, cursors, context.RequestAborted).ConfigureAwait(false);
        if (request.State is not { } state)
        {
            return await ErrorAsync(context, StatusCodes.Status400BadRequest).ConfigureAwait(false);
        }

        var (page, hasMore) = log.Select(state, now - options.Retention);
        var cursor = page.Count == 0 && request.Cursor is { } sent ? sent : cursors.Encode(state with { AfterSequence = page.Count == 0 ? state.AfterSequence : page[^1].Sequence });
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("cursor", cursor);
            writer.WriteBoolean("has_more", hasMore);
            writer.WriteStartArray("items");
            foreach (var (_, item) in page)
            {
                item.Write(writer, version == "v2");
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
        return StatusCodes.Status200OK;
    }

    private async Task<int> ErrorAsync(HttpContext context, int status)
    {
        var text = ReasonPhrases.GetReasonPhrase(status);
        await WriteJsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            if (options.StatusMessageErrorShape)
            {
                writer.WriteNumber("status", status);
                writer.WriteString("message", text);
            }
            else
            {
                writer.WriteStartObject("Error");
                writer.WriteString("Message", text);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
        return status;
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
