using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Simulator.Users;
using OnePasswordGraph.Sources.Users;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Sources.Users;

/// <summary>The product's Users API client against the Users API simulator, over real HTTP on loopback, on one fake clock.</summary>
public sealed class UsersClientContractTests : IAsyncLifetime
{
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 43, users: 10, vaults: 1, itemsPerVault: 1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private UsersSimulator _simulator = null!;
    private string _clientId = null!;
    private string _secret = null!;

    private string AccountId => _simulator.AccountId;

    public async Task InitializeAsync()
    {
        _simulator = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions { TimeProvider = _clock }, CancellationToken.None);
        (_clientId, _secret) = _simulator.AddClient();
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task ListUsersAsync_PageSizeThree_WalksFourPagesToEveryUserOnce()
    {
        await using var client = Client();
        var seen = new List<string>();
        var pages = 0;
        string? pageToken = null;
        do
        {
            var page = await client.ListUsersAsync(AccountId, pageToken, 3, null, CancellationToken.None);
            seen.AddRange(page.Results!.Select(u => u.Id));
            pageToken = page.NextPageToken;
            pages++;
        }
        while (pageToken is not null);

        Assert.Equal(4, pages);
        seen.Should().Equal(_inventory.Users.Select(u => u.Uuid));
        Assert.Equal(1, _simulator.TokensIssued);
    }

    [Fact]
    public async Task ListUsersAsync_SuspendedFilter_ReturnsOnlyTheSuspendedUserWithItsFields()
    {
        await using var client = Client();

        var page = await client.ListUsersAsync(AccountId, null, null, UsersApi.SuspendedFilter, CancellationToken.None);

        var suspended = _inventory.Users[^1];
        var user = Assert.Single(page.Results!);
        Assert.Equal((suspended.Uuid, suspended.Email, suspended.Name, "SUSPENDED"), (user.Id, user.Email, user.DisplayName, user.State));
        Assert.Equal($"accounts/{AccountId}/users/{suspended.Uuid}", user.Path);
        Assert.NotNull(user.CreateTime);
    }

    [Fact]
    public async Task ListUsersAsync_UnknownFilter_IsPermanent400WithTheApisMessage()
    {
        await using var client = Client();

        var error = await Assert.ThrowsAsync<UsersApiException>(() => client.ListUsersAsync(AccountId, null, null, "user.isAdmin()", CancellationToken.None));

        Assert.Equal((400, "InvalidArgument", false), (error.StatusCode, error.ErrorCode, error.IsTransient));
        Assert.Contains("invalid filter 'user.isAdmin()'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_WithinTheTokenLifetime_ShareOneToken_AndNearExpiryFetchANewOne()
    {
        await using var client = Client();
        var user = _inventory.Users[2].Uuid;

        await client.GetUserAsync(AccountId, user, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(800));
        await client.GetUserAsync(AccountId, user, CancellationToken.None);
        var beforeRenewal = _simulator.TokensIssued;
        _clock.Advance(TimeSpan.FromSeconds(50));
        await client.GetUserAsync(AccountId, user, CancellationToken.None);

        Assert.Equal((1, 2), (beforeRenewal, _simulator.TokensIssued));
        Assert.DoesNotContain(_simulator.Requests, r => r.Status == 401);
    }

    [Fact]
    public async Task Call_AfterTheServerRevokedTheToken_FetchesANewTokenOnceAndSucceeds()
    {
        await using var client = Client();
        var user = _inventory.Users[3].Uuid;
        await client.GetUserAsync(AccountId, user, CancellationToken.None);
        _simulator.RevokeAllTokens();

        var again = await client.GetUserAsync(AccountId, user, CancellationToken.None);

        Assert.Equal(user, again.Id);
        Assert.Equal(2, _simulator.TokensIssued);
        Assert.Single(_simulator.Requests, r => r.Status == 401);
    }

    [Fact]
    public async Task SuspendAsync_Member_IsAppliedAndTheServerStateChanges_ThenReactivateRestoresIt()
    {
        await using var client = Client();
        var member = _inventory.Users[4].Uuid;

        var suspended = await client.SuspendAsync(AccountId, member, CancellationToken.None);
        var stateAfterSuspend = _simulator.Users.Single(u => u.Id == member).State;
        var reactivated = await client.ReactivateAsync(AccountId, member, CancellationToken.None);

        Assert.Equal((UserChangeOutcome.Applied, "SUSPENDED"), (suspended.Outcome, suspended.User!.State));
        Assert.Equal("SUSPENDED", stateAfterSuspend);
        Assert.Equal((UserChangeOutcome.Applied, "ACTIVE"), (reactivated.Outcome, _simulator.Users.Single(u => u.Id == member).State));
    }

    [Theory]
    [InlineData(0, "cannot suspend the last owner of the account")]
    [InlineData(1, "cannot suspend an externally managed admin")]
    public async Task SuspendAsync_DocumentedRefusal_IsATypedOutcomeAndChangesNothing(int index, string reason)
    {
        await using var client = Client();
        var user = _inventory.Users[index].Uuid;

        var result = await client.SuspendAsync(AccountId, user, CancellationToken.None);

        Assert.Equal(UserChangeOutcome.Refused, result.Outcome);
        Assert.Contains(reason, result.Refusal, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", _simulator.Users.Single(u => u.Id == user).State);
    }

    [Fact]
    public async Task GetUserAsync_UnknownUser_IsPermanent404()
    {
        await using var client = Client();

        var error = await Assert.ThrowsAsync<UsersApiException>(() => client.GetUserAsync(AccountId, "NOSUCHUSER", CancellationToken.None));

        Assert.Equal((404, false), (error.StatusCode, error.IsTransient));
    }

    [Fact]
    public async Task AnyCall_WrongClientSecret_Is401NamingTheKeysAndNeverTheSecret()
    {
        const string WrongSecret = "wrong-secret-value-4711";
        await using var client = UsersApi.CreateClient(TestHttpClients.Create(), Settings(WrongSecret), _clock);

        var error = await Assert.ThrowsAsync<UsersApiException>(() => client.GetUserAsync(AccountId, _inventory.Users[0].Uuid, CancellationToken.None));

        Assert.Equal((401, false), (error.StatusCode, error.IsTransient));
        Assert.Contains("OnePassword:Users:ClientId and ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_AfterACall_RevokesTheAccessToken()
    {
        var client = Client();
        await client.GetUserAsync(AccountId, _inventory.Users[0].Uuid, CancellationToken.None);

        await client.DisposeAsync();

        Assert.Single(_simulator.Revoked);
        Assert.Contains(_simulator.Requests, r => r is { Path: "/v1beta1/users/oauth2/revoke", Status: 200 });
    }

    private IUsersClient Client() => UsersApi.CreateClient(TestHttpClients.Create(), Settings(_secret), _clock);

    private UsersSettings Settings(string secret) => new(_simulator.BaseUrl, AccountId, _clientId, secret, TimeSpan.FromSeconds(30), 1000);
}
