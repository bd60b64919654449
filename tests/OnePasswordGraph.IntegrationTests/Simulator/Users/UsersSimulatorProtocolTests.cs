using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Simulator.Users;

namespace OnePasswordGraph.IntegrationTests.Simulator.Users;

/// <summary>The Users API simulator's protocol, checked with raw HTTP and JSON against the documented behaviour.</summary>
public sealed class UsersSimulatorProtocolTests : IAsyncLifetime
{
    private static readonly ScenarioInventory Inventory = InventoryGenerator.Generate(seed: 5, users: 30, vaults: 1, itemsPerVault: 1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private UsersSimulator _simulator = null!;
    private string _basic = null!;

    public async Task InitializeAsync()
    {
        _simulator = await UsersSimulator.StartAsync(Inventory, new UsersSimulatorOptions { TimeProvider = _clock }, CancellationToken.None);
        var (id, secret) = _simulator.AddClient();
        _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret));
        _http.BaseAddress = _simulator.BaseUrl;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("ProtocolTest/1.0");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Token_ClientCredentials_IsAnOpaqueBearerLiving900Seconds()
    {
        using var response = await TokenAsync(_basic, "grant_type=client_credentials&scope=openid");

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("Bearer", 900), (body.GetProperty("token_type").GetString(), body.GetProperty("expires_in").GetInt32()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    [Theory]
    [InlineData(null, "grant_type=client_credentials", 401, "invalid_client")]
    [InlineData("d3Jvbmc6Y2xpZW50", "grant_type=client_credentials", 401, "invalid_client")]
    [InlineData("", "grant_type=password", 400, "unsupported_grant_type")]
    [InlineData("", "grant_type=client_credentials&scope=users.write", 400, "invalid_scope")]
    public async Task Token_BadRequest_AnswersWithAnRfc6749ErrorBody(string? basic, string form, int status, string error)
    {
        using var response = await TokenAsync(basic == string.Empty ? _basic : basic, form);

        Assert.Equal((status, error), ((int)response.StatusCode, (await JsonAsync(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Token_JsonBody_Is400InvalidRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1beta1/users/oauth2/token") { Content = new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);

        using var response = await _http.SendAsync(request);

        Assert.Equal((400, "invalid_request"), ((int)response.StatusCode, (await JsonAsync(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task ListUsers_Defaults25PerPage_CoercesLargerSizesTo1000_AndPagesWithTheToken()
    {
        var token = await AccessTokenAsync();

        var first = await JsonAsync(await GetAsync(token, "users"));
        var next = first.GetProperty("next_page_token").GetString();
        var second = await JsonAsync(await GetAsync(token, $"users?page_token={Uri.EscapeDataString(next!)}"));
        var all = await JsonAsync(await GetAsync(token, "users?max_page_size=5000"));

        Assert.Equal(25, first.GetProperty("results").GetArrayLength());
        Assert.Equal(5, second.GetProperty("results").GetArrayLength());
        Assert.False(second.TryGetProperty("next_page_token", out _));
        Assert.Equal(30, all.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("users?filter=user.isAdmin()")]
    [InlineData("users?page_token=bm90LWEtdG9rZW4")]
    [InlineData("users?max_page_size=-1")]
    public async Task ListUsers_BadArgument_Is400InvalidArgumentWithCodeMessageDetails(string query)
    {
        using var response = await GetAsync(await AccessTokenAsync(), query);

        var body = await JsonAsync(response);
        Assert.Equal((400, "InvalidArgument"), ((int)response.StatusCode, body.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("details").ValueKind);
    }

    [Fact]
    public async Task Resource_TokenExpiredBySimulatorClock_Is401Unauthenticated()
    {
        var token = await AccessTokenAsync();
        var before = (int)(await GetAsync(token, "users")).StatusCode;

        _clock.Advance(TimeSpan.FromSeconds(900));
        using var after = await GetAsync(token, "users");

        Assert.Equal((200, 401), (before, (int)after.StatusCode));
        Assert.Equal("Unauthenticated", (await JsonAsync(after)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Resource_RevokedToken_Is401_AndRevokingAnUnknownTokenIs200()
    {
        var token = await AccessTokenAsync();

        using var revoke = await FormAsync("/v1beta1/users/oauth2/revoke", _basic, $"token={token}");
        using var unknown = await FormAsync("/v1beta1/users/oauth2/revoke", _basic, "token=never-issued");
        using var after = await GetAsync(token, "users");

        Assert.Equal((200, 200, 401), ((int)revoke.StatusCode, (int)unknown.StatusCode, (int)after.StatusCode));
    }

    [Fact]
    public async Task Resource_WithoutUserAgent_Is400()
    {
        using var bare = new HttpClient { BaseAddress = _simulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1beta1/accounts/{_simulator.AccountId}/users");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync());

        using var response = await bare.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("users/NOSUCHUSER")]
    [InlineData("users/NOSUCHUSER:suspend")]
    public async Task UnknownUser_Is404NotFound(string path)
    {
        var token = await AccessTokenAsync();
        using var response = path.EndsWith(":suspend", StringComparison.Ordinal) ? await PostAsync(token, path) : await GetAsync(token, path);

        Assert.Equal((404, "NotFound"), ((int)response.StatusCode, (await JsonAsync(response)).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Suspend_IsIdempotent_AndRefusesTheLastOwnerAndTheExternallyManagedAdmin()
    {
        var token = await AccessTokenAsync();
        var member = Inventory.Users[5].Uuid;

        var first = await JsonAsync(await PostAsync(token, $"users/{member}:suspend"));
        using var again = await PostAsync(token, $"users/{member}:suspend");
        using var owner = await PostAsync(token, $"users/{Inventory.Users[0].Uuid}:suspend");
        using var managed = await PostAsync(token, $"users/{Inventory.Users[1].Uuid}:suspend");

        Assert.Equal("SUSPENDED", first.GetProperty("state").GetString());
        Assert.Equal(200, (int)again.StatusCode);
        Assert.Equal((400, "FailedPrecondition"), ((int)owner.StatusCode, (await JsonAsync(owner)).GetProperty("code").GetString()));
        Assert.Equal((400, "FailedPrecondition"), ((int)managed.StatusCode, (await JsonAsync(managed)).GetProperty("code").GetString()));
    }

    [Fact]
    public async Task OtherAccount_Is404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1beta1/accounts/OTHERACCOUNT/users");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync());

        using var response = await _http.SendAsync(request);

        Assert.Equal(404, (int)response.StatusCode);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpResponseMessage> TokenAsync(string? basic, string form) => await FormAsync("/v1beta1/users/oauth2/token", basic, form);

    private async Task<HttpResponseMessage> FormAsync(string path, string? basic, string form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        return await _http.SendAsync(request);
    }

    private async Task<string> AccessTokenAsync()
    {
        using var response = await TokenAsync(_basic, "grant_type=client_credentials");
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> GetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1beta1/accounts/{_simulator.AccountId}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1beta1/accounts/{_simulator.AccountId}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }
}
