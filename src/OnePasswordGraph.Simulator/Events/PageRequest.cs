using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>
/// Reads a page request body: either <c>{"cursor"}</c> alone or a reset <c>{limit?, start_time?, end_time?}</c>.
/// Anything else (a mixed body, malformed JSON, a limit outside 1..1000, a time that is not RFC 3339, a cursor that
/// was tampered with or belongs to another stream or version) leaves <see cref="State"/> null: a 400.
/// </summary>
internal sealed record PageRequest(CursorState? State, string? Cursor)
{
    private static readonly PageRequest Invalid = new(null, null);

    public static async Task<PageRequest> ReadAsync(
        HttpRequest request, string feature, string version, DateTimeOffset now, long highestSequence, CursorCodec cursors, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Invalid;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid;
            }

            if (root.TryGetProperty("cursor", out var cursorElement))
            {
                var mixed = root.EnumerateObject().Any(p => p.Name != "cursor");
                var cursor = cursorElement.ValueKind == JsonValueKind.String ? cursorElement.GetString()! : null;
                var state = mixed || cursor is null ? null : cursors.Decode(cursor);
                return state is not null && state.Feature == feature && state.Version == version ? new PageRequest(state, cursor) : Invalid;
            }

            return Reset(root, feature, version, now, highestSequence);
        }
    }

    private static PageRequest Reset(JsonElement root, string feature, string version, DateTimeOffset now, long highestSequence)
    {
        var limit = 100;
        if (root.TryGetProperty("limit", out var limitElement))
        {
            if (limitElement.ValueKind != JsonValueKind.Number || !limitElement.TryGetInt32(out limit) || limit is < 1 or > 1000)
            {
                return Invalid;
            }
        }

        if (!TryTime(root, "end_time", out var end) || !TryTime(root, "start_time", out var start))
        {
            return Invalid;
        }

        var effectiveStart = start ?? (end ?? now) - TimeSpan.FromHours(1);
        return new PageRequest(new CursorState(feature, version, -1, highestSequence, effectiveStart.ToUnixTimeMilliseconds(), end?.ToUnixTimeMilliseconds(), limit), null);
    }

    private static bool TryTime(JsonElement root, string name, out DateTimeOffset? time)
    {
        time = null;
        if (!root.TryGetProperty(name, out var element))
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            && element.GetString()!.Contains('T', StringComparison.Ordinal))
        {
            time = parsed;
            return true;
        }

        return false;
    }
}
