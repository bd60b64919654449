using System.Text.Json;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Sources.Events.Internal.Protocol;

namespace OnePasswordGraph.Tests.Sources.Events.Records;

public sealed class EventTimestampTests
{
    [Theory]
    [InlineData("2025-05-14T13:02:48.118403922Z", 1747227768118L)]
    [InlineData("2025-05-14T06:02:48.118403922-07:00", 1747227768118L)]
    [InlineData("2025-05-14T13:02:48Z", 1747227768000L)]
    public void Timestamp_IsKeptAsSentAndReadAsATime(string sent, long epochMs)
    {
        var page = JsonSerializer.Deserialize(
            $$"""{"cursor": "c", "has_more": false, "items": [{"uuid": "E1", "timestamp": "{{sent}}", "action": "reveal"}]}""",
            EventsApiJsonContext.Default.EventEnvelopeItemUsage)!;

        var properties = new ItemUsageMapper("acme").Map(page.Items!, "v2").Entities.Single(e => e.Key == "E1").Properties;

        Assert.Equal((sent, epochMs), (properties["occurredAt"], properties["timestamp"]));
    }

    [Theory]
    [InlineData("1747227768118")]
    [InlineData("\"yesterday\"")]
    public void Timestamp_NotAnRfc3339String_IsRefused(string sent) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            $$"""{"cursor": "c", "has_more": false, "items": [{"uuid": "E1", "timestamp": {{sent}}}]}""",
            EventsApiJsonContext.Default.EventEnvelopeItemUsage));
}
