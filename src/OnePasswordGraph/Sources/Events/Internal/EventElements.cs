using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OnePasswordGraph.Sources.Events.Internal;

/// <summary>
/// Reads a page's elements one by one, so that one bad element is set aside as a <see cref="MalformedEvent"/> instead
/// of failing the whole page. Each good element is read exactly as a whole page used to be: unknown fields and enum
/// values are kept.
/// </summary>
internal static class EventElements
{
    public static (IReadOnlyList<TEvent> Events, IReadOnlyList<MalformedEvent> Malformed) Read<TEvent>(IReadOnlyList<JsonElement> elements, JsonTypeInfo<TEvent> typeInfo)
    {
        var events = new List<TEvent>(elements.Count);
        var malformed = new List<MalformedEvent>();
        for (var position = 0; position < elements.Count; position++)
        {
            var element = elements[position];
            if (Problem(element) is { } reason)
            {
                malformed.Add(Quarantine(position, reason, element));
                continue;
            }

            try
            {
                events.Add(element.Deserialize(typeInfo) ?? throw new JsonException("The event is null."));
            }
            catch (JsonException)
            {
                malformed.Add(Quarantine(position, MalformedEventReason.Unreadable, element));
            }
        }

        return (events, malformed);
    }

    private static string? Problem(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return MalformedEventReason.NotAnObject;
        }

        // The raw bytes are read in place (no copy per event) before a huge event is deserialised at all.
        if (JsonMarshal.GetRawUtf8Value(element).Length > MalformedEvent.MaxEventBytes)
        {
            return MalformedEventReason.TooLarge;
        }

        if (!element.TryGetProperty("uuid", out var uuid) || uuid.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(uuid.GetString()))
        {
            return MalformedEventReason.NoUuid;
        }

        return element.TryGetProperty("timestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.String && timestamp.TryGetDateTimeOffset(out _)
            ? null
            : MalformedEventReason.BadTimestamp;
    }

    private static MalformedEvent Quarantine(int position, string reason, JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element).ToArray();
        var kept = raw.Length <= MalformedEvent.MaxStoredBytes
            ? Encoding.UTF8.GetString(raw)

            // A multi-byte character cut in two decodes as U+FFFD, which is dropped rather than stored.
            : Encoding.UTF8.GetString(raw, 0, MalformedEvent.MaxStoredBytes).TrimEnd('\uFFFD');
        return new MalformedEvent(position, reason, kept, raw.Length, Convert.ToHexStringLower(SHA256.HashData(raw)));
    }
}
