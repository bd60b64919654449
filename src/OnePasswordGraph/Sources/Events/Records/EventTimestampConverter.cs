using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>Reads an event's <c>timestamp</c> as System.Text.Json reads a <see cref="DateTimeOffset"/>, keeping the text it read.</summary>
internal sealed class EventTimestampConverter : JsonConverter<EventTimestamp>
{
    public override EventTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? new EventTimestamp(value, reader.GetString()!)
            : throw new JsonException("An event timestamp must be an RFC 3339 date and time string.");

    public override void Write(Utf8JsonWriter writer, EventTimestamp value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Text);
    }
}
