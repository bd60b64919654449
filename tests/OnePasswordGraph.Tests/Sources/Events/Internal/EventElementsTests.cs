using System.Security.Cryptography;
using System.Text;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Testing;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Sources.Events.Internal;

/// <summary>A page is read element by element through the product's client: a bad element spoils only itself.</summary>
public sealed class EventElementsTests
{
    private const string Good = """{"uuid":"E1","timestamp":"2026-10-31T12:00:00.123456789Z","action":"reveal","new_field":[1,2]}""";

    [Fact]
    public async Task FetchAsync_PageWithOneOfEachKindOfBadElement_ReadsTheGoodOnesAndSetsTheOthersAsideInOrder()
    {
        var huge = $$"""{"uuid":"E9","timestamp":"2026-10-31T12:00:00Z","note":"{{new string('é', 40_000)}}"}""";
        string[] items =
        [
            Good,
            "\"just text\"",
            """{"uuid":"","timestamp":"2026-10-31T12:00:00Z"}""",
            """{"uuid":"E3","timestamp":"31/10/2026"}""",
            """{"uuid":"E4"}""",
            huge,
            """{"uuid":"E6","timestamp":"2026-10-31T12:00:00Z","used_version":"not a number"}""",
            """{"uuid":"E7","timestamp":"2026-10-31T12:00:00Z","action":"an-action-from-next-year"}""",
        ];

        var page = await FetchAsync($$"""{"cursor":"c2","has_more":true,"items":[{{string.Join(",", items)}}]}""");

        Assert.Equal(("c2", true), (page.Cursor, page.HasMore));
        Assert.Equal(["E1", "E7"], page.Items.Select(e => e.Uuid));
        Assert.Equal("an-action-from-next-year", page.Items[1].Action);
        Assert.Equal(
            [(1, "not_an_object"), (2, "no_uuid"), (3, "bad_timestamp"), (4, "bad_timestamp"), (5, "too_large"), (6, "unreadable")],
            page.Malformed.Select(m => (m.Position, m.Reason)));
        Assert.Equal("\"just text\"", page.Malformed[0].RawJson);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(items[3]))), page.Malformed[2].RawSha256);
    }

    [Fact]
    public async Task FetchAsync_HugeEvent_KeepsItsStartCutOnACharacterBoundaryWithItsFullSize()
    {
        var huge = $$"""{"uuid":"E9","timestamp":"2026-10-31T12:00:00Z","note":"{{new string('é', 40_000)}}"}""";

        var bad = Assert.Single((await FetchAsync($$"""{"cursor":"c","has_more":false,"items":[{{huge}}]}""")).Malformed);

        Assert.Equal(Encoding.UTF8.GetByteCount(huge), bad.RawBytes);
        Assert.True(bad.Truncated);
        Assert.StartsWith(bad.RawJson, huge, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(bad.RawJson), MalformedEvent.MaxStoredBytes - 1, MalformedEvent.MaxStoredBytes);
        Assert.DoesNotContain('\uFFFD', bad.RawJson);
    }

    [Fact]
    public async Task FetchAsync_EventJustUnderTheCap_IsAnEvent()
    {
        const string prefix = "{\"uuid\":\"E1\",\"timestamp\":\"2026-10-31T12:00:00Z\",\"note\":\"";
        var big = prefix + new string('x', MalformedEvent.MaxEventBytes - prefix.Length - 2) + "\"}";

        var page = await FetchAsync($$"""{"cursor":"c","has_more":false,"items":[{{big}}]}""");

        Assert.Equal(MalformedEvent.MaxEventBytes, Encoding.UTF8.GetByteCount(big));
        Assert.Equal(["E1"], page.Items.Select(e => e.Uuid));
        Assert.Empty(page.Malformed);
    }

    private static async Task<EventPage<OnePasswordGraph.Sources.Events.Records.ItemUsage>> FetchAsync(string body)
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Post, "/api/v2/itemusages", body);
        using var budget = new RequestBudget(600, 30000, TimeProvider.System);
        var client = EventsApi.CreateClient(
            TestHttpClients.Create(primaryHandler: () => handler),
            new EventsSettings(new Uri("https://events.test"), "test-token", "v2", 1000, TimeSpan.FromSeconds(30), 600, 30000),
            budget,
            TimeProvider.System);
        return await client.ItemUsages.FetchAsync(new EventPageRequest.Continue("c1"), CancellationToken.None);
    }
}
