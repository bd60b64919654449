using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.IntegrationTests.Rules;

[Collection(Neo4jCollection.Name)]
public sealed class FindingStoreTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoreAsync_NewFinding_StoresOneAlertThatFlagsTheFlaggedAndEvidenceNodes()
    {
        var (rule, finding) = await ExportFindingAsync();
        var withUnknownKey = finding with { Flagged = [.. finding.Flagged, "no-such-node"] };

        var created = await new FindingStore(neo4j.Runner).StoreAsync(rule, [withUnknownKey], "run-1", Now, CancellationToken.None);

        Assert.Equal([withUnknownKey], created);
        var alert = (await neo4j.QueryAsync(
            "MATCH (a:one_password_alert:Finding) RETURN a._key AS key, a.ruleId AS ruleId, a.severity AS severity, a.status AS status, a.createdOn AS createdOn, "
            + "a.lastSeenOn AS lastSeenOn, a.occurredOn AS occurredOn, a.account AS account, a.tags AS tags, a.evidenceCount AS evidenceCount, a.name AS name")).Records().Single();
        Assert.Equal(finding.Fingerprint, alert["key"]);
        Assert.Equal(("test-export", "medium", "open", "acme", "test-export rule"), (alert["ruleId"], alert["severity"], alert["status"], alert["account"], alert["name"]));
        Assert.Equal((Now.ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds(), finding.OccurredOn.ToUnixTimeMilliseconds(), 1L), (alert["createdOn"], alert["lastSeenOn"], alert["occurredOn"], alert["evidenceCount"]));
        Assert.Equal(rule.Tags, ((IEnumerable<object?>)alert["tags"]!).Cast<string>());
        var flagged = await neo4j.QueryAsync("MATCH (:one_password_alert)-[r:FLAGS]->(n) RETURN n._key AS key, r._type AS type ORDER BY key");
        Assert.Equal(
            [["alice", "one_password_alert_flags_user"], ["s1", "one_password_alert_flags_secret"], [finding.Evidence[0], "one_password_alert_flags_item_usage_event"]],
            flagged.Rows.Select(r => r.ToArray()).OrderBy(r => (string)r[0]!, StringComparer.Ordinal));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n {_key: 'no-such-node'}) RETURN count(n) AS c"));
    }

    [Fact]
    public async Task StoreAsync_SameFindingAgain_CreatesNothingAndOnlyRefreshesLastSeenOn()
    {
        var (rule, finding) = await ExportFindingAsync();
        var store = new FindingStore(neo4j.Runner);
        await store.StoreAsync(rule, [finding], "run-1", Now, CancellationToken.None);
        await neo4j.QueryAsync("MATCH (a:one_password_alert) SET a.status = 'acknowledged' RETURN count(a) AS c");

        var created = await store.StoreAsync(rule, [finding], "run-2", Now.AddHours(1), CancellationToken.None);

        Assert.Empty(created);
        var alert = (await neo4j.QueryAsync("MATCH (a:one_password_alert) RETURN a.status AS status, a.createdOn AS createdOn, a.lastSeenOn AS lastSeenOn, a.createdByRun AS run")).Rows.Single();
        Assert.Equal(["acknowledged", Now.ToUnixTimeMilliseconds(), Now.AddHours(1).ToUnixTimeMilliseconds(), "run-1"], alert);
        Assert.Equal(3, await neo4j.CountAsync("MATCH (:one_password_alert)-[r:FLAGS]->() RETURN count(r) AS c"));
    }

    [Fact]
    public async Task StoreAsync_SameRunStoresAgain_StillReportsItCreated()
    {
        // A retry of a batch whose commit succeeded but whose answer was lost must not lose the finding's "new".
        var (rule, finding) = await ExportFindingAsync();
        var store = new FindingStore(neo4j.Runner);
        await store.StoreAsync(rule, [finding], "run-1", Now, CancellationToken.None);

        var created = await store.StoreAsync(rule, [finding], "run-1", Now, CancellationToken.None);

        Assert.Equal([finding], created);
        Assert.Equal(1, await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN count(a) AS c"));
    }

    [Fact]
    public async Task StoreAsync_NewerOccurrence_RefreshesSummaryAndEvidenceButNotStatus()
    {
        var (rule, finding) = await ExportFindingAsync();
        var store = new FindingStore(neo4j.Runner);
        await store.StoreAsync(rule, [finding], "run-1", Now, CancellationToken.None);
        var newer = finding with { Summary = "newer", OccurredOn = finding.OccurredOn.AddMinutes(5), Evidence = ["e-later"] };

        await store.StoreAsync(rule, [newer], "run-2", Now.AddHours(1), CancellationToken.None);
        await store.StoreAsync(rule, [finding], "run-3", Now.AddHours(2), CancellationToken.None);

        var alert = (await neo4j.QueryAsync("MATCH (a:one_password_alert) RETURN a.summary AS summary, a.occurredOn AS occurredOn, a.evidence AS evidence, a.status AS status")).Records().Single();
        Assert.Equal(("newer", newer.OccurredOn.ToUnixTimeMilliseconds(), "open"), (alert["summary"], alert["occurredOn"], alert["status"]));
        Assert.Equal(["e-later"], ((IEnumerable<object?>)alert["evidence"]!).Cast<string>());
    }

    [Fact]
    public async Task StoreAsync_FindingOfAnotherAccountNamingTheSameKeys_FlagsOnlyTheSharedUser()
    {
        // Identifiers that repeat across accounts name the first account's nodes: another account's finding must not
        // reach them. The person is shared, so that account's finding may flag them.
        var (rule, finding) = await ExportFindingAsync();
        var other = finding with { Account = "other", Fingerprint = "fingerprint-of-other" };

        var created = await new FindingStore(neo4j.Runner).StoreAsync(rule, [other], "run-1", Now, CancellationToken.None);

        Assert.Equal([other], created);
        var flagged = await neo4j.QueryAsync("MATCH (a:one_password_alert {account: 'other'})-[r:FLAGS]->(n) RETURN n._key AS key, r.account AS account");
        Assert.Equal([["alice", "other"]], flagged.Rows.Select(r => r.ToArray()));
    }

    private async Task<(AlertRule Rule, Finding Finding)> ExportFindingAsync()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1", "Prod DB");
        graph.Usage("alice", "s1", "v1", "export", Now.AddMinutes(-10));
        await graph.WriteAsync();
        var rule = TestRules.Export();
        var finding = Assert.Single(await graph.EvaluateAsync(rule, Now.AddHours(-1), Now));
        return (rule, finding);
    }
}
