using System.Net;
using FluentAssertions;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Testing;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Sources.Connect.Internal;

public sealed class ConnectClientTests
{
    private const string Token = "connect-token-xyz";
    private static readonly Uri BaseUrl = new("http://connect.test:8080/");

    [Fact]
    public async Task ListItemsAsync_Filter_IsSentEscapedAndLeftOutOfMessages()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Get, "/v1/vaults/v1/items", """{"status":403,"message":"vault v1 is not in scope"}""", HttpStatusCode.Forbidden);

        var list = () => CreateSut(handler).ListItemsAsync("v1", CancellationToken.None, "title eq \"Deploy key\"");

        var error = (await list.Should().ThrowExactlyAsync<ConnectApiException>()
            .WithMessage("The Connect token may not read /v1/vaults/v1/items (HTTP 403: vault v1 is not in scope): grant the vault*")).Which;
        (error.StatusCode, error.IsTransient).Should().Be((403, false));
        handler.Received.Single().Request.RequestUri!.Query.Should().Be("?filter=title%20eq%20%22Deploy%20key%22");
    }

    [Fact]
    public async Task ListVaultsAsync_Timeout_IsTransient()
    {
        var handler = new RoutedHandler().On(HttpMethod.Get, "/v1/vaults", _ => throw new TaskCanceledException("timeout", new TimeoutException()));

        var list = () => CreateSut(handler).ListVaultsAsync(CancellationToken.None);

        var error = (await list.Should().ThrowExactlyAsync<ConnectApiException>()
            .WithMessage("The Connect server at http://connect.test:8080/ did not answer /v1/vaults within 30 s.")).Which;
        (error.StatusCode, error.IsTransient).Should().Be(((int?)null, true));
    }

    [Fact]
    public async Task ListVaultsAsync_CallerCancels_PropagatesCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new RoutedHandler().On(HttpMethod.Get, "/v1/vaults", _ => { cancellation.Cancel(); throw new TaskCanceledException(); });

        var list = () => CreateSut(handler).ListVaultsAsync(cancellation.Token);

        await list.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task GetVaultAsync_EmptyBody_IsRefusedAsNotConnect()
    {
        var handler = new RoutedHandler().On(HttpMethod.Get, "/v1/vaults/v1", _ => new HttpResponseMessage(HttpStatusCode.OK));

        var get = () => CreateSut(handler).GetVaultAsync("v1", CancellationToken.None);

        (await get.Should().ThrowExactlyAsync<ConnectApiException>()).Which.IsTransient.Should().BeFalse();
    }

    [Fact]
    public async Task HeartbeatAsync_SendsNoTokenAndSaysNoWhenUnreachable()
    {
        var up = new RoutedHandler().On(HttpMethod.Get, "/heartbeat", _ => new HttpResponseMessage(HttpStatusCode.OK));
        var down = new RoutedHandler().On(HttpMethod.Get, "/heartbeat", _ => throw new HttpRequestException("Connection refused"));

        (await CreateSut(up).HeartbeatAsync(CancellationToken.None)).Should().BeTrue();
        (await CreateSut(down).HeartbeatAsync(CancellationToken.None)).Should().BeFalse();
        up.Received.Single().Request.Headers.Authorization.Should().BeNull();
    }

    private static IConnectClient CreateSut(RoutedHandler handler) =>
        ConnectApi.CreateClient(
            TestHttpClients.Create(primaryHandler: () => handler),
            new ConnectSettings(BaseUrl, Token, FetchItemDetails: false, TimeSpan.FromSeconds(30)),
            TimeProvider.System);
}
