using System.Net;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Sources;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Testing;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Sources;

public sealed class OnePasswordHttpClientsTests : IDisposable
{
    private const string Token = "connect-token-never-shown";
    private readonly TestMeterFactory _meters = new();

    [Fact]
    public async Task AddOnePasswordHttpClients_EveryRequest_IsCountedByApiAndStatus()
    {
        using var requests = new MetricCollector<long>(_meters, SyncMetrics.MeterName, "onepassword_graph.api.requests");
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/v1/vaults", "[]")
            .OnJson(HttpMethod.Post, "/api/v2/itemusages", """{"Error":{"Message":"Too Many Requests"}}""", HttpStatusCode.TooManyRequests);
        var httpClients = TestHttpClients.Create(new SyncMetrics(_meters), () => handler);
        using var budget = new RequestBudget(600, 30000, TimeProvider.System);
        var events = EventsApi.CreateClient(httpClients, new EventsSettings(new Uri("https://events.test"), "events-token", "v2", 1000, TimeSpan.FromSeconds(30), 600, 30000), budget, TimeProvider.System);

        await Connect(httpClients, new Uri("http://connect.test:8080")).ListVaultsAsync(CancellationToken.None);
        var fetch = () => events.ItemUsages.FetchAsync(new EventPageRequest.Continue("c"), CancellationToken.None);
        await fetch.Should().ThrowAsync<EventsApiException>();

        requests.GetMeasurementSnapshot().Select(m => (m.Tags["api"], m.Tags["http.response.status_code"]))
            .Should().BeEquivalentTo(new (object?, object?)[] { ("connect", 200), ("events", 429) });
    }

    [Fact]
    public async Task AddOnePasswordHttpClients_FailedRequest_LeavesNoTokenUserinfoOrQueryInLogsOrTheException()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Get, "/v1/vaults/v1/items", """{"status":404,"message":"vault v1 not found"}""", HttpStatusCode.NotFound);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace))
            .AddOnePasswordHttpClients();
        services.AddHttpClient(ConnectApi.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();
        var client = Connect(provider.GetRequiredService<IHttpClientFactory>(), new Uri("http://ops:hunter2@connect.test:8080/"));

        var list = () => client.ListItemsAsync("v1", CancellationToken.None, "title eq \"Deploy key\"");

        var error = (await list.Should().ThrowExactlyAsync<ConnectApiException>()).Which;
        error.Message.Should().StartWith("The Connect server at http://connect.test:8080/ has no /v1/vaults/v1/items (HTTP 404: vault v1 not found)");
        handler.Received.Single().Request.Headers.Authorization!.Parameter.Should().Be(Token);
        var logged = provider.GetFakeLogCollector().GetSnapshot();
        logged.Should().BeEmpty("the factory's per-request log lines are off; the clients' exceptions say what failed");
        foreach (var secret in new[] { Token, "hunter2", "Deploy" })
        {
            error.ToString().Should().NotContain(secret);
        }
    }

    public void Dispose() => _meters.Dispose();

    private static IConnectClient Connect(IHttpClientFactory httpClients, Uri baseUrl) =>
        ConnectApi.CreateClient(httpClients, new ConnectSettings(baseUrl, Token, FetchItemDetails: false, TimeSpan.FromSeconds(30)), TimeProvider.System);
}
