using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Sources.Connect;

/// <summary>The product's Connect client against the Connect simulator, over real HTTP on loopback.</summary>
public sealed class ConnectClientContractTests : IAsyncLifetime
{
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 41, users: 5, vaults: 3, itemsPerVault: 6);
    private readonly IHttpClientFactory _httpClients = TestHttpClients.Create();
    private ConnectSimulator _connect = null!;

    public async Task InitializeAsync() => _connect = await ConnectSimulator.StartAsync(_inventory, 0, CancellationToken.None);

    public async Task DisposeAsync() => await _connect.DisposeAsync();

    [Fact]
    public async Task ListVaultsAsync_TokenScopedToTwoVaults_SeesOnlyThose()
    {
        var granted = _inventory.Vaults.Take(2).Select(v => v.Id).ToList();
        var client = Client(_connect.AddToken(granted));

        var vaults = await client.ListVaultsAsync(CancellationToken.None);

        vaults.Select(v => v.Id).Should().BeEquivalentTo(granted);
        Assert.All(vaults, v => Assert.Equal(_inventory.Items.Count(i => i.VaultId == v.Id && i.State is null), v.Items));
    }

    [Fact]
    public async Task ListItemsAsync_VaultOutOfScope_Is403SayingHowToGrantIt()
    {
        var outside = _inventory.Vaults[2].Id;
        var client = Client(_connect.AddToken(_inventory.Vaults.Take(2).Select(v => v.Id)));

        var error = await Assert.ThrowsAsync<ConnectApiException>(() => client.ListItemsAsync(outside, CancellationToken.None));

        Assert.Equal((403, false), (error.StatusCode, error.IsTransient));
        Assert.Equal(
            $"The Connect token may not read /v1/vaults/{outside}/items (HTTP 403: vault {outside} is not in scope): grant the vault to the Connect server in 1Password (Developer, Connect servers), or accept that it stays out of the inventory.",
            error.Message);
    }

    [Fact]
    public async Task GetVaultAsync_UnknownVault_Is404()
    {
        var error = await Assert.ThrowsAsync<ConnectApiException>(() => Client(_connect.AddToken()).GetVaultAsync("zzzzzzzzzzzzzzzzzzzzzzzzzz", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("the vault or item is gone, or OnePassword:Connect:BaseUrl is not a Connect server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListVaultsAsync_BadToken_Is401WithoutTheToken()
    {
        const string token = "connect-not-a-real-token";

        var error = await Assert.ThrowsAsync<ConnectApiException>(() => Client(token).ListVaultsAsync(CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.StartsWith($"The Connect server at {_connect.BaseUrl} rejected the token (HTTP 401: Invalid token signature).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListVaultsAsync_NothingListening_IsUnreachableAndTransient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        listener.Stop();

        var error = await Assert.ThrowsAsync<ConnectApiException>(() => Client("t", url).ListVaultsAsync(CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.StartsWith($"The Connect server is unreachable at {url}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListItemsAsync_ServerErrorThenHealed_SucceedsThroughTransientRetry()
    {
        var vault = _inventory.Vaults[0].Id;
        var client = Client(_connect.AddToken());
        _connect.FailVault(vault);
        var retry = new TransientRetry("Connect", new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(5), MaxRetryAttempts = 5 }, TimeProvider.System, NullLogger.Instance);
        var attempts = 0;

        var items = await retry.ExecuteAsync(
            async token =>
            {
                if (++attempts == 2)
                {
                    _connect.HealVault(vault);
                }

                return await client.ListItemsAsync(vault, token);
            },
            CancellationToken.None);

        Assert.Equal(_inventory.Items.Count(i => i.VaultId == vault), items.Count);
        Assert.Equal([500, 200], _connect.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task ListItemsAsync_TitleAndTagFilters_SelectOnTheServer()
    {
        var item = _inventory.Items.First(i => i.Tags.Count > 0);
        var client = Client(_connect.AddToken());

        var byTitle = await client.ListItemsAsync(item.VaultId, CancellationToken.None, $"title eq \"{item.Title}\"");
        var byTag = await client.ListItemsAsync(item.VaultId, CancellationToken.None, $"tag eq \"{item.Tags[0]}\"");
        var vaults = await client.ListVaultsAsync(CancellationToken.None, $"name eq \"{_inventory.Vaults[0].Name}\"");

        Assert.All(byTitle, i => Assert.Equal(item.Title, i.Title));
        Assert.Contains(item.Id, byTitle.Select(i => i.Id));
        Assert.All(byTag, i => Assert.Contains(item.Tags[0], i.Tags!));
        Assert.Equal([_inventory.Vaults[0].Id], vaults.Select(v => v.Id));
        await Assert.ThrowsAsync<ConnectApiException>(() => client.ListItemsAsync(item.VaultId, CancellationToken.None, "title co \"x\""));
    }

    [Fact]
    public async Task GetItemDetailsAndFiles_ReturnMetadataOnly()
    {
        var item = _inventory.Items.First(i => i.Files.Count > 0);
        var client = Client(_connect.AddToken());

        var details = await client.GetItemDetailsAsync(item.VaultId, item.Id, CancellationToken.None);
        var files = await client.ListFilesAsync(item.VaultId, item.Id, CancellationToken.None);

        Assert.Equal(item.Fields.Select(f => f.Label), details.Fields!.Select(f => f.Label));
        Assert.Equal(item.Files.Select(f => f.Name), files.Select(f => f.Name));
        Assert.Equal(item.Files.Select(f => (long)f.Content.Length), files.Select(f => f.Size!.Value));
    }

    [Fact]
    public async Task HealthAndHeartbeat_AnswerWithoutToken()
    {
        var client = Client("no-token-needed");

        var health = await client.GetHealthAsync(CancellationToken.None);

        Assert.True(await client.HeartbeatAsync(CancellationToken.None));
        Assert.Equal(("1Password Connect API", "1.8.1"), (health.Name, health.Version));
    }

    private IConnectClient Client(string token, Uri? url = null) =>
        ConnectApi.CreateClient(_httpClients, new ConnectSettings(url ?? _connect.BaseUrl, token, FetchItemDetails: false, TimeSpan.FromSeconds(10)), TimeProvider.System);
}
