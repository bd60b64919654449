using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.IntegrationTests.Graph;

[Collection(Neo4jCollection.Name)]
public sealed class GraphWriterTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly GraphWriteContext Context = new("acme", "run-1");

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WriteAsync_SameBatchTwice_LeavesCountsAndPropertiesUnchanged()
    {
        var writer = neo4j.CreateWriter(new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)), batchSize: 3);
        var changes = SampleUsagePage(events: 5);

        await writer.WriteAsync(changes, Context, CancellationToken.None);
        var first = await GraphDumpAsync();
        await writer.WriteAsync(changes, Context, CancellationToken.None);
        var second = await GraphDumpAsync();

        Assert.Equal(5, await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c"));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task WriteAsync_ReplayLater_DoesNotTouchInsertOnlyRecords()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        var writer = neo4j.CreateWriter(clock);
        var changes = SampleUsagePage(events: 3);
        await writer.WriteAsync(changes, Context, CancellationToken.None);
        var before = await DumpAsync("MATCH (e:one_password_item_usage_event)<-[r]-() RETURN e, r ORDER BY e._key");

        clock.Advance(TimeSpan.FromHours(1));
        await writer.WriteAsync(changes, Context, CancellationToken.None);

        Assert.Equal(before, await DumpAsync("MATCH (e:one_password_item_usage_event)<-[r]-() RETURN e, r ORDER BY e._key"));
    }

    [Fact]
    public async Task WriteAsync_ChangedProperty_IsUpdated()
    {
        var writer = neo4j.CreateWriter();
        await writer.WriteAsync(new GraphChanges([UserEntity("U1", "old@example.com")], []), Context, CancellationToken.None);

        await writer.WriteAsync(new GraphChanges([UserEntity("U1", "new@example.com")], []), Context, CancellationToken.None);

        var emails = await neo4j.QueryAsync("MATCH (u:one_password_user) RETURN u.email AS email");
        Assert.Equal(["new@example.com"], emails.Rows.Select(r => (string?)r[0]));
    }

    [Fact]
    public async Task WriteAsync_RowTheServerRejects_FailsClearlyAndLeavesNothingOfTheBatch()
    {
        await using var conflict = await EmailConflictAsync();
        var writer = neo4j.CreateWriter(batchSize: 1000);
        var users = Enumerable.Range(0, 50).Select(i => UserEntity($"U{i}", $"u{i}@example.com")).ToList();
        users.Insert(25, UserEntity("U-conflict", conflict.Email));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => writer.WriteAsync(new GraphChanges(users, []), Context, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(Neo4jErrorKind.Client, error.Kind);
        Assert.StartsWith("Neo4j refused the statement:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.ClientError.Schema.ConstraintValidationFailed", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (u:one_password_user) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task WriteAsync_RowOutsideTheSchema_IsRefusedBeforeAnythingIsSent()
    {
        var writer = neo4j.CreateWriter();
        var users = Enumerable.Range(0, 5).Select(i => UserEntity($"U{i}", $"u{i}@example.com")).ToList();
        users.Add(new GraphEntity(User, "U-bad", new Dictionary<string, object?> { ["password"] = "CANARY-secret" }));

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => writer.WriteAsync(new GraphChanges(users, []), Context, CancellationToken.None));

        Assert.Equal(["one_password_user 'U-bad': property 'password' is not declared"], error.Problems);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (u:one_password_user) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task WriteWithCheckpointAsync_BatchWritten_StoresCheckpoint()
    {
        var writer = neo4j.CreateWriter();

        await writer.WriteWithCheckpointAsync(SampleUsagePage(events: 4), Checkpoint("cursor-2"), Context, CancellationToken.None);

        var cursor = await neo4j.QueryAsync("MATCH (s:one_password_sync_state) RETURN s.cursor AS cursor");
        Assert.Equal(["cursor-2"], cursor.Rows.Select(r => (string?)r[0]));
        Assert.Equal(4, await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c"));
    }

    [Fact]
    public async Task WriteWithCheckpointAsync_BatchRejected_KeepsPreviousCheckpoint()
    {
        var writer = neo4j.CreateWriter();
        await writer.WriteWithCheckpointAsync(GraphChanges.Empty, Checkpoint("cursor-1"), Context, CancellationToken.None);
        await using var conflict = await EmailConflictAsync();
        var page = SampleUsagePage(events: 4);
        var poisoned = page with { Entities = [.. page.Entities, UserEntity("U-conflict", conflict.Email)] };

        await Assert.ThrowsAsync<Neo4jException>(() => writer.WriteWithCheckpointAsync(poisoned, Checkpoint("cursor-2"), Context, CancellationToken.None));

        var cursor = await neo4j.QueryAsync("MATCH (s:one_password_sync_state) RETURN s.cursor AS cursor");
        Assert.Equal(["cursor-1"], cursor.Rows.Select(r => (string?)r[0]));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (u:one_password_user) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task WriteAsync_PlaceholderAfterFullNode_KeepsWhatTheFullNodeSaid()
    {
        var writer = neo4j.CreateWriter();
        await writer.WriteAsync(new GraphChanges([SecretEntity("item1", placeholder: false, name: "Prod DB")], []), Context, CancellationToken.None);

        await writer.WriteAsync(new GraphChanges([SecretEntity("item1", placeholder: true, name: null)], []), Context, CancellationToken.None);

        var row = (await neo4j.QueryAsync("MATCH (s:one_password_secret) RETURN s.name AS name, s.placeholder AS placeholder, s.active AS active")).Rows.Single();
        Assert.Equal(["Prod DB", false, true], row);
    }

    [Fact]
    public async Task WriteAsync_FullNodeAfterPlaceholder_FillsItInWithoutDuplicating()
    {
        var writer = neo4j.CreateWriter();
        await writer.WriteAsync(new GraphChanges([SecretEntity("item1", placeholder: true, name: null)], []), Context, CancellationToken.None);

        await writer.WriteAsync(new GraphChanges([SecretEntity("item1", placeholder: false, name: "Prod DB")], []), Context, CancellationToken.None);

        var rows = (await neo4j.QueryAsync("MATCH (s:one_password_secret) RETURN s.name AS name, s.placeholder AS placeholder, labels(s) AS labels")).Rows;
        var row = Assert.Single(rows);
        Assert.Equal("Prod DB", row[0]);
        Assert.Equal(false, row[1]);
        ((IEnumerable<object?>)row[2]!).Cast<string>().Should().BeEquivalentTo(["one_password_secret", "Secret"]);
    }

    [Fact]
    public async Task WriteAsync_RelationshipToMissingNode_CreatesPlaceholderInsteadOfDroppingIt()
    {
        var writer = neo4j.CreateWriter();
        var changes = new GraphChanges([UserEntity("U1", "u1@example.com")], [new GraphRelationship(AccountHasUser, "ACCOUNT1", "U1", Empty)]);

        await writer.WriteAsync(changes, Context, CancellationToken.None);

        var row = (await neo4j.QueryAsync("MATCH (a:one_password_account:Account)-[r:HAS]->(u:one_password_user) RETURN a.placeholder AS p, r._type AS t")).Rows.Single();
        Assert.Equal([true, "one_password_account_has_user"], row);
    }

    [Fact]
    public async Task WriteAsync_RoleLabelsFromSeveralEvents_LandOnOneUserNode()
    {
        var writer = neo4j.CreateWriter();
        var actor = UserEntity("U1", "u1@example.com") with { RoleLabels = new HashSet<string> { "one_password_audit_event_actor_details" } };
        var user = UserEntity("U1", "u1@example.com") with { RoleLabels = new HashSet<string> { "one_password_item_usage_user" } };

        await writer.WriteAsync(new GraphChanges([actor, user], []), Context, CancellationToken.None);

        var labels = (await neo4j.QueryAsync("MATCH (u:one_password_user) RETURN labels(u) AS labels")).Rows.Single()[0];
        Assert.Equal(
            ["User", "one_password_audit_event_actor_details", "one_password_item_usage_user", "one_password_user"],
            ((IEnumerable<object?>)labels!).Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_UsageRefreshAfterReplay_EqualsCountsRecomputedFromEvents()
    {
        var writer = neo4j.CreateWriter();
        var page = SampleUsagePage(events: 6);

        await writer.WriteAsync(page, Context, CancellationToken.None);
        await writer.WriteAsync(page, Context, CancellationToken.None);

        var used = (await neo4j.QueryAsync(
            "MATCH (u:one_password_user)-[r:USED]->(s:one_password_secret) RETURN u._key AS u, s._key AS s, r.count AS c, r.firstUsedOn AS f, r.lastUsedOn AS l ORDER BY u, s")).Rows;
        var recomputed = (await neo4j.QueryAsync(
            "MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)-[:ACCESSED]->(s:one_password_secret) "
            + "RETURN u._key AS u, s._key AS s, count(e) AS c, min(e.timestamp) AS f, max(e.timestamp) AS l ORDER BY u, s")).Rows;
        Assert.NotEmpty(used);
        Assert.Equal(recomputed, used);
    }

    [Fact]
    public async Task WriteWithCheckpointAsync_OverlappingPages_AggregateCountsEachUsageOnce()
    {
        var writer = neo4j.CreateWriter();
        var all = SampleUsagePage(events: 12);
        GraphChanges Slice(int from, int to) => new(
            all.Entities.Where(e => e.Type != ItemUsageEvent || string.CompareOrdinal(e.Key, $"E{from:D4}") >= 0 && string.CompareOrdinal(e.Key, $"E{to:D4}") < 0).ToList(),
            all.Relationships.Where(r => Within(r.FromKey, from, to) || Within(r.ToKey, from, to)).ToList(),
            all.AggregateRefreshes!.Where(r => Within(r.RecordKey, from, to)).ToList());

        // A cursor reset fetches events 4..7 again beside new ones; then the last page is replayed whole.
        await writer.WriteWithCheckpointAsync(Slice(0, 8), Checkpoint("cursor-1"), Context, CancellationToken.None);
        await writer.WriteWithCheckpointAsync(Slice(4, 12), Checkpoint("cursor-2"), Context, CancellationToken.None);
        await writer.WriteWithCheckpointAsync(Slice(4, 12), Checkpoint("cursor-2"), Context, CancellationToken.None);

        var used = (await neo4j.QueryAsync(
            "MATCH (u:one_password_user)-[r:USED]->(s:one_password_secret) RETURN u._key AS u, s._key AS s, r.count AS c, r.firstUsedOn AS f, r.lastUsedOn AS l, r.actions AS a ORDER BY u, s")).Rows;
        var recomputed = (await neo4j.QueryAsync(
            "MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)-[:ACCESSED]->(s:one_password_secret) WITH u, s, e ORDER BY e.timestamp "
            + "RETURN u._key AS u, s._key AS s, count(e) AS c, min(e.timestamp) AS f, max(e.timestamp) AS l, collect(DISTINCT e.action) AS a ORDER BY u, s")).Rows;
        Assert.Equal(6, used.Count);
        Assert.Equal(12L, used.Sum(r => (long)r[2]!));
        Assert.Equal(recomputed.Select(Describe), used.Select(Describe));
    }

    private static bool Within(string key, int from, int to) =>
        key.StartsWith('E') && string.CompareOrdinal(key, $"E{from:D4}") >= 0 && string.CompareOrdinal(key, $"E{to:D4}") < 0;

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    // An operator's own constraint on a label our nodes carry makes the server refuse one row in the middle of a batch:
    // the closest thing to a real-world rejection that the writer's own validation cannot foresee.
    private async Task<EmailConflict> EmailConflictAsync()
    {
        var email = "taken@example.com";
        var create = neo4j.Server.Version.HasModernSchemaSyntax
            ? "CREATE CONSTRAINT opg_test_user_email IF NOT EXISTS FOR (n:User) REQUIRE n.email IS UNIQUE"
            : "CREATE CONSTRAINT ON (n:User) ASSERT n.email IS UNIQUE";
        var drop = neo4j.Server.Version.HasModernSchemaSyntax ? "DROP CONSTRAINT opg_test_user_email" : "DROP CONSTRAINT ON (n:User) ASSERT n.email IS UNIQUE";
        await neo4j.QueryAsync(create);
        await neo4j.QueryAsync("CREATE (:User {email: $email})", new Dictionary<string, object?> { ["email"] = email });
        return new EmailConflict(email, async () =>
        {
            await neo4j.ResetAsync();
            await neo4j.QueryAsync(drop);
        });
    }

    private sealed record EmailConflict(string Email, Func<Task> Release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Release();
    }

    private static GraphChanges SampleUsagePage(int events)
    {
        var entities = new List<GraphEntity>();
        var relationships = new List<GraphRelationship>();
        var refreshes = new List<AggregateRefresh>();
        for (var i = 0; i < events; i++)
        {
            var user = $"U{i % 2}";
            var item = $"item{i % 3}";
            var key = $"E{i:D4}";
            entities.Add(UserEntity(user, $"{user}@example.com") with { RoleLabels = new HashSet<string> { "one_password_item_usage_user" } });
            entities.Add(new GraphEntity(ItemUsageEvent, key, new Dictionary<string, object?>
            {
                ["action"] = i % 2 == 0 ? "reveal" : "fill",
                ["timestamp"] = 1_700_000_000_000L + (i * 1000),
                ["itemUUID"] = item,
                ["userUUID"] = user,
                ["latitude"] = 45.5,
            }));
            entities.Add(SecretEntity(item, placeholder: true, name: null));
            relationships.Add(new GraphRelationship(UserPerformedItemUsage, user, key, Empty));
            relationships.Add(new GraphRelationship(ItemUsageAccessedSecret, key, item, Empty));
            refreshes.Add(new AggregateRefresh(UsageAggregate, user, item, key));
        }

        return new GraphChanges(entities, relationships, refreshes);
    }

    private static GraphEntity UserEntity(string key, string email) =>
        new(User, key, new Dictionary<string, object?> { ["userUUID"] = key, ["email"] = email, ["name"] = "Some One" });

    private static GraphEntity SecretEntity(string key, bool placeholder, string? name) =>
        new(Secret, key, new Dictionary<string, object?> { ["itemUUID"] = key, ["vaultUUID"] = "vault1", ["name"] = name, ["tags"] = new[] { "prod" } }, IsPlaceholder: placeholder);

    private static GraphEntity Checkpoint(string cursor) =>
        new(SyncState, "default:itemusages", new Dictionary<string, object?> { ["cursor"] = cursor, ["stream"] = "itemusages" });

    private Task<string> GraphDumpAsync() =>
        DumpAsync("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, labels(n) AS labels, type(r) AS type, r, m._key AS to ORDER BY n._key, type, to");

    private async Task<string> DumpAsync(string cypher)
    {
        var result = await neo4j.QueryAsync(cypher);
        return string.Join("\n", result.Rows.Select(row => string.Join(" | ", row.Select(Describe))));
    }

    private static string Describe(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Describe(p.Value)}")) + "}",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        _ => value?.ToString() ?? "null",
    };
}
