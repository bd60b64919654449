using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Simulator.Events;

/// <summary>The simulator's protocol, checked with raw HTTP and JSON against the documented behaviour.</summary>
public sealed class EventsSimulatorProtocolTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ScenarioInventory Inventory = InventoryGenerator.Generate(seed: 3, users: 5, vaults: 2, itemsPerVault: 3, now: Now);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly HttpClient _http = new();
    private EventsSimulator _simulator = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _simulator = await EventsSimulator.StartAsync(new EventsSimulatorOptions { TimeProvider = _clock, RequestsPerMinute = 1000 }, CancellationToken.None);
        _token = _simulator.AddToken().Token;
        _http.BaseAddress = _simulator.BaseUrl;
        _simulator.Append(ActivityGenerator.Generate(Inventory, seed: 3, count: 300, TimeSpan.FromDays(3), Now).Events);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"limit":1001}""")]
    [InlineData("""{"limit":0}""")]
    [InlineData("""{"limit":"ten"}""")]
    [InlineData("""{"start_time":"yesterday"}""")]
    [InlineData("""{"cursor":"abc.def"}""")]
    [InlineData("""{"cursor":"x","limit":10}""")]
    [InlineData("not json")]
    public async Task Post_InvalidBody_Is400WithTheV1ErrorShape(string body)
    {
        var (status, json) = await PostAsync("/api/v2/itemusages", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad Request", json.GetProperty("Error").GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Post_CursorOfAnotherStream_Is400()
    {
        var (_, page) = await PostAsync("/api/v2/auditevents", """{"limit":5,"start_time":"2026-10-01T00:00:00Z"}""");

        var (status, _) = await PostAsync("/api/v2/itemusages", $$"""{"cursor":"{{page.GetProperty("cursor").GetString()}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Post_CaughtUp_ReturnsTheIdenticalCursorAndNoItems()
    {
        var cursor = await DrainAsync("/api/v2/signinattempts", """{"limit":1000,"start_time":"2026-10-01T00:00:00Z"}""");

        var (_, again) = await PostAsync("/api/v2/signinattempts", $$"""{"cursor":"{{cursor}}"}""");

        Assert.Equal(cursor, again.GetProperty("cursor").GetString());
        Assert.False(again.GetProperty("has_more").GetBoolean());
        Assert.Equal(0, again.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Post_LateArrival_ReachesAContinuingCursorButNotANewTimeWindow()
    {
        var cursor = await DrainAsync("/api/v2/itemusages", """{"limit":1000,"start_time":"2026-10-01T00:00:00Z"}""");
        var windowStart = Now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var late = ActivityGenerator.Generate(Inventory, seed: 4, count: 30, TimeSpan.FromHours(1), Now.AddDays(-2)).Events.OfType<SimulatedItemUsage>().First();
        _simulator.Append([late]);

        var (_, continued) = await PostAsync("/api/v2/itemusages", $$"""{"cursor":"{{cursor}}"}""");
        var (_, window) = await PostAsync("/api/v2/itemusages", $$"""{"limit":1000,"start_time":"{{windowStart}}"}""");

        Assert.Equal([late.Uuid], continued.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uuid").GetString()));
        Assert.DoesNotContain(late.Uuid, window.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uuid").GetString()));
    }

    [Fact]
    public async Task Post_StartOlderThanRetention_ReturnsOnlyRetainedEvents()
    {
        _clock.Advance(TimeSpan.FromDays(119));

        var (_, page) = await PostAsync("/api/v2/itemusages", """{"limit":1000,"start_time":"2020-01-01T00:00:00Z"}""");

        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.True(item.GetProperty("timestamp").GetDateTimeOffset() >= _clock.GetUtcNow().AddDays(-120)));
        Assert.True(page.GetProperty("items").GetArrayLength() < _simulator.Count("itemusages"));
    }

    [Fact]
    public async Task Post_V1AndV2_DifferOnlyByTheV2Fields()
    {
        var (_, v1) = await PostAsync("/api/v1/auditevents", """{"limit":1,"start_time":"2026-10-01T00:00:00Z"}""");
        var (_, v2) = await PostAsync("/api/v2/auditevents", """{"limit":1,"start_time":"2026-10-01T00:00:00Z"}""");

        var v1Keys = v1.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).ToHashSet();
        var v2Keys = v2.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(["account_uuid", "actor_account_uuid", "actor_type"], v2Keys.Except(v1Keys).Order(StringComparer.Ordinal));
        Assert.Empty(v1Keys.Except(v2Keys));
    }

    [Fact]
    public async Task Requests_WrongMethodUnknownPathMissingToken_Get405_404_401()
    {
        using var get = await _http.SendAsync(Authorized(HttpMethod.Get, "/api/v2/itemusages", null));
        using var unknown = await _http.SendAsync(Authorized(HttpMethod.Post, "/api/v1/introspect", "{}"));
        using var anonymous = await _http.PostAsync("/api/v2/itemusages", new StringContent("{}"));

        Assert.Equal((HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized), (get.StatusCode, unknown.StatusCode, anonymous.StatusCode));
    }

    [Fact]
    public async Task Post_PastTheMinuteBudget_Is429WithRetryAfter()
    {
        await using var strict = await EventsSimulator.StartAsync(new EventsSimulatorOptions { TimeProvider = _clock, RequestsPerMinute = 2 }, CancellationToken.None);
        var token = strict.AddToken().Token;
        using var http = new HttpClient { BaseAddress = strict.BaseUrl };
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/itemusages") { Content = new StringContent("{}") };
            request.Headers.Authorization = new("Bearer", token);
            last = await http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), last.Headers.RetryAfter!.Delta);
        last.Dispose();
    }

    private async Task<string> DrainAsync(string path, string reset)
    {
        var (_, page) = await PostAsync(path, reset);
        while (page.GetProperty("has_more").GetBoolean())
        {
            (_, page) = await PostAsync(path, $$"""{"cursor":"{{page.GetProperty("cursor").GetString()}}"}""");
        }

        return page.GetProperty("cursor").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string body)
    {
        using var response = await _http.SendAsync(Authorized(HttpMethod.Post, path, body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", _token);
        return request;
    }
}
