using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Graph.Jobs;

[Collection(Neo4jCollection.Name)]
// Not sealed: Neo4jAccountLeaseTestsThroughQueryApi runs the same tests through the Query API.
public class Neo4jAccountLeaseTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryAcquireAsync_ManyRacingHolders_ExactlyOneWins()
    {
        var lease = CreateSut();

        var handles = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => lease.TryAcquireAsync("acme", $"worker-{i}", Duration, CancellationToken.None)));

        Assert.Single(handles, h => h is not null);
        Assert.Equal(1, await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'acme:lease'}) RETURN count(s) AS c"));
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByLiveHolder_ReturnsNull()
    {
        var lease = CreateSut();
        await using var first = await lease.TryAcquireAsync("acme", "worker-a", Duration, CancellationToken.None);

        var second = await lease.TryAcquireAsync("acme", "worker-b", Duration, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderStoppedRenewing_IsTakenOverAfterExpiry()
    {
        var lease = CreateSut();
        var dead = await lease.TryAcquireAsync("acme", "worker-a", Duration, CancellationToken.None);
        _clock.Advance(Duration + TimeSpan.FromSeconds(1));

        await using var taken = await lease.TryAcquireAsync("acme", "worker-b", Duration, CancellationToken.None);

        Assert.NotNull(dead);
        Assert.NotNull(taken);
        Assert.False(await dead.RenewAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_HolderWasAKilledProcessOfThisHost_IsTakenOverAtOnce()
    {
        var lease = CreateSut();
        var killed = await lease.TryAcquireAsync("acme", $"{Environment.MachineName}:{await ExitedProcess.IdAsync()}:sync:abc123", Duration, CancellationToken.None);

        await using var taken = await lease.TryAcquireAsync("acme", "worker-b", Duration, CancellationToken.None);

        Assert.NotNull(killed);
        Assert.NotNull(taken);
        Assert.Equal("worker-b", (await lease.ReadAsync("acme", CancellationToken.None))!.Holder);
    }

    [Fact]
    public async Task ReadAsync_HolderOnAnotherHost_NamesItWithSinceAndUntilAndKeepsItsLease()
    {
        var lease = CreateSut();
        var started = _clock.GetUtcNow();
        await using var holder = await lease.TryAcquireAsync("acme", "build-7:4242:run:abc123", Duration, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await holder!.RenewAsync(CancellationToken.None));

        var other = await lease.TryAcquireAsync("acme", "worker-b", Duration, CancellationToken.None);
        var state = await lease.ReadAsync("acme", CancellationToken.None);

        Assert.Null(other);
        Assert.Equal(new LeaseState("build-7:4242:run:abc123", started, started + TimeSpan.FromSeconds(30) + Duration), state);
        Assert.Equal(("build-7", 4242, "run"), (state!.Host, state.ProcessId, state.Command));
        Assert.Null(await lease.ReadAsync("globex", CancellationToken.None));
    }

    [Fact]
    public async Task RenewAsync_BeforeExpiry_KeepsOthersOut()
    {
        var lease = CreateSut();
        await using var holder = await lease.TryAcquireAsync("acme", "worker-a", Duration, CancellationToken.None);
        _clock.Advance(Duration - TimeSpan.FromSeconds(10));
        Assert.True(await holder!.RenewAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var other = await lease.TryAcquireAsync("acme", "worker-b", Duration, CancellationToken.None);

        Assert.Null(other);
    }

    [Fact]
    public async Task DisposeAsync_ReleasesTheLease()
    {
        var lease = CreateSut();
        var holder = await lease.TryAcquireAsync("acme", "worker-a", Duration, CancellationToken.None);
        await holder!.DisposeAsync();

        await using var next = await lease.TryAcquireAsync("acme", "worker-b", Duration, CancellationToken.None);

        Assert.NotNull(next);
    }

    [Fact]
    public async Task TryAcquireAsync_DifferentAccounts_AreIndependent()
    {
        var lease = CreateSut();
        await using var acme = await lease.TryAcquireAsync("acme", "worker-a", Duration, CancellationToken.None);

        await using var globex = await lease.TryAcquireAsync("globex", "worker-b", Duration, CancellationToken.None);

        Assert.NotNull(acme);
        Assert.NotNull(globex);
    }

    private Neo4jAccountLease CreateSut() => new(neo4j.Runner, _clock);
}
