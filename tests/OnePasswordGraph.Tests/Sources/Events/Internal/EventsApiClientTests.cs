using System.Net;
using System.Text;
using FluentAssertions;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Testing;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Sources.Events.Internal;

public sealed class EventsApiClientTests
{
    private const string Token = "test-token-abc";
    private const string EmptyPage = """{"cursor":"next","has_more":false,"items":null}""";

    [Fact]
    public async Task ItemUsages_ResetThenCursor_SendsExactlyTheDocumentedBodies()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Post, "/api/v2/itemusages", EmptyPage);
        var client = CreateSut(handler);

        var first = await client.ItemUsages.FetchAsync(new EventPageRequest.Reset(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(2)), 1000), CancellationToken.None);
        await client.ItemUsages.FetchAsync(new EventPageRequest.Continue(first.Cursor), CancellationToken.None);

        Assert.Equal(["""{"limit":1000,"start_time":"2026-07-31T22:00:00Z"}""", """{"cursor":"next"}"""], handler.Received.Select(r => r.Body));
        Assert.Empty(first.Items);
        var request = handler.Received[0].Request;
        Assert.Equal(("Bearer", Token), (request.Headers.Authorization!.Scheme, request.Headers.Authorization.Parameter));
        Assert.StartsWith("OnePasswordGraph/", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ItemUsages_AnyRequest_SendsItsBodyWithAContentLengthNotChunked()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Post, "/api/v2/itemusages", EmptyPage);

        await CreateSut(handler).ItemUsages.FetchAsync(new EventPageRequest.Continue("c"), CancellationToken.None);

        var (request, body) = handler.Received.Single();
        request.Content!.Headers.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(body!));
        request.Headers.TransferEncodingChunked.Should().NotBe(true);
    }

    [Fact]
    public async Task ItemUsages_StoredCursorRefused_IsCursorRejectedNamingTheCauses()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Post, "/api/v2/itemusages", """{"Error":{"Message":"Bad Request"}}""", HttpStatusCode.BadRequest);

        var fetch = () => CreateSut(handler).ItemUsages.FetchAsync(new EventPageRequest.Continue("expired"), CancellationToken.None);

        (await fetch.Should().ThrowExactlyAsync<CursorRejectedException>()
            .WithMessage("The Events API at events.test refused the request to /api/v2/itemusages (HTTP 400: Bad Request). A stored cursor may be invalid*"))
            .WithInnerException<EventsApiException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task IntrospectAsync_NoV2Endpoint_FallsBackToV1()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Get, "/api/auth/introspect", """{"UUID":"I1","IssuedAt":"2025-03-02T09:15:27Z","Features":["itemusages"]}""");

        var introspection = await CreateSut(handler).IntrospectAsync(CancellationToken.None);

        Assert.Equal(("I1", new DateTimeOffset(2025, 3, 2, 9, 15, 27, TimeSpan.Zero), (string?)null), (introspection.IntegrationUuid, introspection.IssuedAt, introspection.AccountUuid));
        Assert.Equal(["itemusages"], introspection.Features);
        Assert.Equal(["/api/v2/auth/introspect", "/api/auth/introspect"], handler.Received.Select(r => r.Request.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task AuditEvents_Timeout_IsTransient()
    {
        var handler = new RoutedHandler().On(HttpMethod.Post, "/api/v2/auditevents", _ => throw new TaskCanceledException("timeout", new TimeoutException()));

        var error = await Assert.ThrowsAsync<EventsApiException>(() => CreateSut(handler).AuditEvents.FetchAsync(new EventPageRequest.Continue("c"), CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task AuditEvents_CallerCancels_PropagatesCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new RoutedHandler().On(HttpMethod.Post, "/api/v2/auditevents", _ => { cancellation.Cancel(); throw new TaskCanceledException(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(handler).AuditEvents.FetchAsync(new EventPageRequest.Continue("c"), cancellation.Token));
    }

    [Fact]
    public async Task SignInAttempts_GatewayHtmlError_IsTransientWithStatus()
    {
        var handler = new RoutedHandler().On(HttpMethod.Post, "/api/v2/signinattempts", _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") });

        var error = await Assert.ThrowsAsync<EventsApiException>(() => CreateSut(handler).SignInAttempts.FetchAsync(new EventPageRequest.Continue("c"), CancellationToken.None));

        Assert.Equal((502, true), (error.StatusCode, error.IsTransient));
        Assert.Equal("The Events API at events.test answered HTTP 502 to /api/v2/signinattempts.", error.Message);
    }

    [Fact]
    public async Task ItemUsages_BodyWithoutCursor_IsRefusedAsNotTheEventsApi()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Post, "/api/v2/itemusages", """{"has_more":false,"items":[]}""");

        var error = await Assert.ThrowsAsync<EventsApiException>(() => CreateSut(handler).ItemUsages.FetchAsync(new EventPageRequest.Continue("c"), CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("the response has no cursor", error.Message, StringComparison.Ordinal);
    }

    private static IEventsApiClient CreateSut(RoutedHandler handler) =>
        EventsApi.CreateClient(
            TestHttpClients.Create(primaryHandler: () => handler),
            new EventsSettings(new Uri("https://events.test"), Token, "v2", 1000, TimeSpan.FromSeconds(30), 600, 30000),
            new RequestBudget(600, 30000, TimeProvider.System),
            TimeProvider.System);
}
