using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.IntegrationTests.Sources.Events;

/// <summary>The product's Events API client against the simulator, over real HTTP on loopback.</summary>
public sealed class EventsApiClientContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ScenarioInventory Inventory = InventoryGenerator.Generate(seed: 7, users: 10, vaults: 3, itemsPerVault: 5, now: Now);
    private EventsApiHarness _api = null!;

    public async Task InitializeAsync()
    {
        _api = await EventsApiHarness.StartAsync(new EventsSimulatorOptions { RequestsPerMinute = 40 });
        _api.Simulator.Append(ActivityGenerator.Generate(Inventory, seed: 7, count: 2500, TimeSpan.FromDays(7), TimeProvider.System.GetUtcNow()).Events);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task ItemUsages_PagingUntilHasMoreIsFalse_ReturnsEveryEventOnce()
    {
        var client = _api.Client(_api.Simulator.AddToken().Token);
        var uuids = new List<string>();

        var page = await client.ItemUsages.FetchAsync(new EventPageRequest.Reset(Now.AddDays(-30), 500), CancellationToken.None);
        uuids.AddRange(page.Items.Select(e => e.Uuid));
        while (page.HasMore)
        {
            page = await client.ItemUsages.FetchAsync(new EventPageRequest.Continue(page.Cursor), CancellationToken.None);
            uuids.AddRange(page.Items.Select(e => e.Uuid));
        }

        Assert.Equal(_api.Simulator.Count("itemusages"), uuids.Count);
        uuids.Should().OnlyHaveUniqueItems();
        Assert.All(page.Items, e => Assert.NotNull(e.User?.Email));
    }

    [Fact]
    public async Task SignInAttempts_CaughtUp_ReturnsTheSameCursorAndNothing()
    {
        var client = _api.Client(_api.Simulator.AddToken().Token);
        var page = await client.SignInAttempts.FetchAsync(new EventPageRequest.Reset(Now.AddDays(-30), 1000), CancellationToken.None);
        while (page.HasMore)
        {
            page = await client.SignInAttempts.FetchAsync(new EventPageRequest.Continue(page.Cursor), CancellationToken.None);
        }

        var polled = await client.SignInAttempts.FetchAsync(new EventPageRequest.Continue(page.Cursor), CancellationToken.None);

        Assert.Equal(page.Cursor, polled.Cursor);
        Assert.False(polled.HasMore);
        Assert.Empty(polled.Items);
    }

    [Fact]
    public async Task AuditEvents_V1Endpoint_ParsesWithoutV2Fields()
    {
        var client = _api.Client(_api.Simulator.AddToken().Token, apiVersion: "v1");

        var page = await client.AuditEvents.FetchAsync(new EventPageRequest.Reset(Now.AddDays(-30), 50), CancellationToken.None);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, e => Assert.Null(e.AccountUuid));
        Assert.All(page.Items, e => Assert.NotNull(e.ActorUuid));
    }

    [Fact]
    public async Task IntrospectAsync_V2_NamesFeaturesAndAccount()
    {
        var token = _api.Simulator.AddToken(["itemusages"], accountUuid: Inventory.AccountUuid);

        var introspection = await _api.Client(token.Token).IntrospectAsync(CancellationToken.None);

        Assert.Equal(["itemusages"], introspection.Features);
        Assert.Equal(Inventory.AccountUuid, introspection.AccountUuid);
    }

    [Fact]
    public async Task ItemUsages_PastTheRateBudget_Gets429WithRetryAfter()
    {
        var token = _api.Simulator.AddToken().Token;
        var client = _api.Client(token, perMinute: 600);

        EventsApiException? limited = null;
        for (var i = 0; i < 60 && limited is null; i++)
        {
            try
            {
                await client.ItemUsages.FetchAsync(new EventPageRequest.Reset(Now.AddDays(-1), 10), CancellationToken.None);
            }
            catch (EventsApiException ex)
            {
                limited = ex;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(429, limited.StatusCode);
        Assert.True(limited.IsTransient);
        Assert.InRange(limited.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ItemUsages_ServerErrorsThenRecovery_SucceedsThroughTransientRetry()
    {
        var client = _api.Client(_api.Simulator.AddToken().Token);
        var retry = new TransientRetry("Events", new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetryAttempts = 4 }, TimeProvider.System, NullLogger.Instance);
        _api.Simulator.InjectFaults(Fault.Status(500), Fault.Status(503), Fault.CutConnection());

        var page = await retry.ExecuteAsync(token => client.ItemUsages.FetchAsync(new EventPageRequest.Reset(Now.AddDays(-30), 100), token), CancellationToken.None);

        Assert.NotEmpty(page.Items);
        Assert.Equal([500, 503, 0, 200], _api.Simulator.Requests.TakeLast(4).Select(r => r.Status));
    }

    [Fact]
    public async Task ItemUsages_LimitAbove1000_Is400WithCauses()
    {
        var client = _api.Client(_api.Simulator.AddToken().Token);

        var fetch = () => client.ItemUsages.FetchAsync(new EventPageRequest.Reset(Now, 1001), CancellationToken.None);

        var error = (await fetch.Should().ThrowExactlyAsync<EventsApiException>().WithMessage(
            "The Events API at 127.0.0.1 refused the request to /api/v2/itemusages (HTTP 400: Bad Request). A stored cursor may be invalid or expired, the page size may be outside 1 to 1000, or a time may not be RFC 3339.")).Which;
        (error.StatusCode, error.IsTransient).Should().Be((400, false));
    }

    [Fact]
    public async Task ItemUsages_RevokedToken_Is401NamingRegionsAndNeverTheToken()
    {
        var token = _api.Simulator.AddToken().Token;
        _api.Simulator.RevokeToken(token);

        var error = await Assert.ThrowsAsync<EventsApiException>(() => _api.Client(token).ItemUsages.FetchAsync(new EventPageRequest.Reset(Now, 10), CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(
            "The Events API at 127.0.0.1 rejected the token (HTTP 401: Unauthorized). It may be revoked or expired, or issued for another region: each of events.1password.com, events.ent.1password.com, events.1password.ca, events.1password.eu accepts only its own accounts' tokens. Check OnePassword:Events:BaseUrl and the token.",
            error.Message);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemUsages_TokenForAnotherRegion_SaysWhichHostToUse()
    {
        var token = _api.Simulator.AddToken(audienceHost: "events.1password.eu").Token;
        _api.Simulator.RevokeToken(token);

        var error = await Assert.ThrowsAsync<EventsApiException>(() => _api.Client(token).ItemUsages.FetchAsync(new EventPageRequest.Reset(Now, 10), CancellationToken.None));

        Assert.Contains("The token was issued for events.1password.eu, but OnePassword:Events:BaseUrl points at 127.0.0.1: use https://events.1password.eu.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task AuditEvents_TokenWithoutFeature_SaysWhichFeatureIsMissing(int status)
    {
        await using var api = await EventsApiHarness.StartAsync(new EventsSimulatorOptions { MissingFeatureStatus = status });
        var client = api.Client(api.Simulator.AddToken(["itemusages", "signinattempts"]).Token);
        await client.IntrospectAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<EventsApiException>(() => client.AuditEvents.FetchAsync(new EventPageRequest.Reset(Now, 10), CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(
            "The Events token lacks the 'auditevents' feature (it has: itemusages, signinattempts). Issue a token with Audit events enabled in the Events Reporting integration, or leave this stream out.",
            error.Message);
    }

    [Fact]
    public async Task ItemUsages_WrongBaseUrlPath_Is404SayingToCheckTheUrl()
    {
        var client = _api.Client(_api.Simulator.AddToken().Token, apiVersion: "v9");

        var error = await Assert.ThrowsAsync<EventsApiException>(() => client.ItemUsages.FetchAsync(new EventPageRequest.Reset(Now, 10), CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.StartsWith("The Events API at 127.0.0.1 has no /api/v9/itemusages (HTTP 404). Check OnePassword:Events:BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemUsages_ErrorBodyInStatusMessageShape_IsRead()
    {
        await using var api = await EventsApiHarness.StartAsync(new EventsSimulatorOptions { StatusMessageErrorShape = true });
        var token = api.Simulator.AddToken().Token;
        api.Simulator.RevokeToken(token);

        var error = await Assert.ThrowsAsync<EventsApiException>(() => api.Client(token).ItemUsages.FetchAsync(new EventPageRequest.Reset(Now, 10), CancellationToken.None));

        Assert.StartsWith("The Events API at 127.0.0.1 rejected the token (HTTP 401: Unauthorized).", error.Message, StringComparison.Ordinal);
    }
}
