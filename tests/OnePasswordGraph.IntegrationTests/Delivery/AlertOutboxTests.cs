using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Delivery;

/// <summary>The outbox against a real Neo4j: each finding reaches each channel once, across failures, restarts, races and crashes.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class AlertOutboxTests(Neo4jServerFixture neo4j) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly TestMeterFactory _meters = new();

    public async Task InitializeAsync()
    {
        await neo4j.ResetAsync();
        await neo4j.CreateInstaller().ApplyAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task Deliver_AgainAndAfterARestart_EachChannelGetsEachFindingOnce()
    {
        var stored = await StoreAsync("acme", 3);
        var jsonl = new RecordingChannel("jsonl");
        var webhook = new RecordingChannel("webhook");

        var first = await Outbox(jsonl, webhook).DeliverAsync("acme", CancellationToken.None);
        var again = await Outbox(jsonl, webhook).DeliverAsync("acme", CancellationToken.None);

        Assert.Equal(stored.Order(), jsonl.Delivered.Order());
        Assert.Equal(stored.Order(), webhook.Delivered.Order());
        Assert.Equal([(3, 0), (3, 0)], first.Channels.Select(c => (c.Delivered, c.Remaining)));
        Assert.All(again.Channels, c => Assert.Equal(0, c.Delivered));
        Assert.Equal(6, await neo4j.CountAsync("MATCH (:one_password_alert)-[:HAS]->(d:one_password_alert_delivery {status: 'delivered', account: 'acme'}) WHERE d.deliveredOn IS NOT NULL AND d.claimHolder IS NULL RETURN count(d) AS c"));
    }

    [Fact]
    public async Task Deliver_ChannelFailsMidway_KeepsTheRestOwedWithTheErrorUntilItRecovers()
    {
        var stored = await StoreAsync("acme", 3);
        var down = true;
        var channel = new RecordingChannel("webhook", behaviour: (_, attempt) => down && attempt == 2 ? throw new InvalidOperationException("receiver answered 503") : Task.CompletedTask);

        var failed = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);
        var backlog = await Outbox(channel).BacklogAsync("acme", CancellationToken.None);
        down = false;
        var recovered = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);

        var result = Assert.Single(failed.Channels);
        Assert.Equal((1, 2, "receiver answered 503"), (result.Delivered, result.Remaining, result.Error));
        Assert.Equal(new ChannelBacklog("webhook", 2, 0, Now, "receiver answered 503"), Assert.Single(backlog));
        Assert.Equal((2, 0), (recovered.Channels[0].Delivered, recovered.Channels[0].Remaining));
        Assert.Equal(stored.Order(), channel.Delivered.Order());
        Assert.Equal(new ChannelBacklog("webhook", 0, 0, null, null), Assert.Single(await Outbox(channel).BacklogAsync("acme", CancellationToken.None)));
    }

    [Fact]
    public async Task Deliver_BelowTheChannelsMinimum_IsRecordedAsSkippedAndNeverOwed()
    {
        await StoreAsync("acme", 2, AlertSeverity.Low);
        var high = await StoreAsync("acme", 1, AlertSeverity.High, prefix: "h");
        var channel = new RecordingChannel("slack", AlertSeverity.High);

        var result = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);
        var again = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);

        Assert.Equal(high, channel.Delivered);
        Assert.Equal((1, 2), (result.Channels[0].Delivered, result.Channels[0].Skipped));
        Assert.Equal((0, 0), (again.Channels[0].Delivered, again.Channels[0].Skipped));
        Assert.Equal(0, Assert.Single(await Outbox(channel).BacklogAsync("acme", CancellationToken.None)).Pending);
        Assert.Equal(2, await neo4j.CountAsync("MATCH (d:one_password_alert_delivery {status: 'skipped'}) RETURN count(d) AS c"));
    }

    [Fact]
    public async Task Deliver_ClaimOfALiveHolderOnAnotherHost_IsLeftUntilItLapses()
    {
        var stored = await StoreAsync("acme", 1);
        await ClaimAsync(stored[0], "webhook", "other-host:4242:deliver:abc123");
        var channel = new RecordingChannel("webhook");

        var held = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);
        _clock.Advance(AlertOutbox.ClaimDuration + TimeSpan.FromSeconds(1));
        var lapsed = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);

        Assert.Equal(0, held.Channels[0].Delivered);
        Assert.Equal(1, lapsed.Channels[0].Delivered);
        Assert.Equal(stored, channel.Delivered);
    }

    [Fact]
    public async Task Deliver_ClaimOfAKilledProcessOfThisHost_IsTakenOverAtOnce()
    {
        var stored = await StoreAsync("acme", 1);
        await ClaimAsync(stored[0], "webhook", $"{Environment.MachineName}:{await ExitedProcess.IdAsync()}:deliver:abc123");
        var channel = new RecordingChannel("webhook");

        var result = await Outbox(channel).DeliverAsync("acme", CancellationToken.None);

        Assert.Equal(1, result.Channels[0].Delivered);
        Assert.Equal(stored, channel.Delivered);
        Assert.Equal(2, await neo4j.CountAsync("MATCH (d:one_password_alert_delivery) RETURN d.attempts AS c"));
    }

    [Fact]
    public async Task Deliver_TwoProcessesRacing_EachFindingIsDeliveredOnce()
    {
        var stored = await StoreAsync("acme", 30);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new RecordingChannel("webhook", behaviour: (_, _) => gate.Task);
        var second = new RecordingChannel("webhook", behaviour: (_, _) => gate.Task);

        var racing = Task.WhenAll(Outbox(first).DeliverAsync("acme", CancellationToken.None), Outbox(second).DeliverAsync("acme", CancellationToken.None));
        gate.SetResult();
        await racing;

        Assert.Equal(stored.Order(), first.Delivered.Concat(second.Delivered).Order());
    }

    [Fact]
    public async Task Deliver_OlderThanTheAgeLimit_IsNotSentAndCountsAsExpired()
    {
        await StoreAsync("acme", 1, createdOn: Now - DeliverySettings.DefaultMaxAge - TimeSpan.FromHours(1));
        var fresh = await StoreAsync("acme", 1, prefix: "fresh");
        var channel = new RecordingChannel("webhook");

        await Outbox(channel).DeliverAsync("acme", CancellationToken.None);

        Assert.Equal(fresh, channel.Delivered);
        Assert.Equal(new ChannelBacklog("webhook", 0, 1, null, null), Assert.Single(await Outbox(channel).BacklogAsync("acme", CancellationToken.None)));
    }

    [Fact]
    public async Task Deliver_OneAccount_NeverSendsOrTouchesAnotherAccountsFindings()
    {
        var acme = await StoreAsync("acme", 2);
        await StoreAsync("globex", 2);
        var channel = new RecordingChannel("webhook");

        await Outbox(channel).DeliverAsync("acme", CancellationToken.None);

        Assert.Equal(acme.Order(), channel.Delivered.Order());
        Assert.Equal(0, await neo4j.CountAsync("MATCH (a:one_password_alert {account: 'globex'})-[:HAS]->(d) RETURN count(d) AS c"));
        Assert.Equal(2, Assert.Single(await Outbox(channel).BacklogAsync("globex", CancellationToken.None)).Pending);
    }

    private AlertOutbox Outbox(params IAlertChannel[] channels) =>
        new(neo4j.Runner, channels, DeliverySettings.None, new AlertMetrics(_meters), _clock, NullLogger<AlertOutbox>.Instance);

    private async Task<IReadOnlyList<string>> StoreAsync(string account, int count, AlertSeverity severity = AlertSeverity.High, string prefix = "f", DateTimeOffset? createdOn = null)
    {
        var rule = RuleCatalog.LoadBuiltIn().EnabledRules.First() with { Severity = severity };
        var findings = Enumerable.Range(0, count).Select(i => new Finding(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{account}/{prefix}{i}"))),
            rule.Id, rule.Name, severity, account, $"finding {prefix}{i}", Now.AddMinutes(-i), $"{prefix}{i}", ["U" + i], ["E" + i])).ToList();
        var created = await new FindingStore(neo4j.Runner).StoreAsync(rule, findings, "run-" + prefix, createdOn ?? Now, CancellationToken.None);
        return [.. created.Select(f => f.Fingerprint)];
    }

    private async Task ClaimAsync(string fingerprint, string channel, string holder) =>
        await neo4j.Runner.RunAsync([DeliveryStatements.Claim("acme", fingerprint, channel, holder, null, Now, Now + AlertOutbox.ClaimDuration)], CancellationToken.None);
}
