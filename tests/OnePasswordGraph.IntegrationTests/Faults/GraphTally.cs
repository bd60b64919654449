using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// What the graph holds for one account against its ground truth: events found, missing and unexpected, events
/// written twice (a second node, or a second <c>PERFORMED</c> edge from the same person), streams whose stored cursor
/// does not sit right after the last event written, and inventory that differs from what Connect lists.
/// </summary>
internal sealed record GraphTally(long Expected, long Found, long Missing, long Unexpected, long Duplicates, IReadOnlyList<string> Mismatches)
{
    public bool Exact => Found == Expected && Missing == 0 && Unexpected == 0 && Duplicates == 0 && Mismatches.Count == 0;

    public static GraphTally Sum(IEnumerable<GraphTally> tallies)
    {
        var all = tallies.ToList();
        return new GraphTally(all.Sum(t => t.Expected), all.Sum(t => t.Found), all.Sum(t => t.Missing), all.Sum(t => t.Unexpected), all.Sum(t => t.Duplicates), [.. all.SelectMany(t => t.Mismatches)]);
    }

    /// <summary>Counts the account's events, duplicates, cursors and (with Connect) inventory in the graph.</summary>
    public static async Task<GraphTally> CountAsync(Neo4jServerFixture neo4j, FaultAccount account)
    {
        var expected = account.ExpectedEvents;
        var parameters = new Dictionary<string, object?> { ["account"] = account.Name };
        long found = 0, missing = 0, unexpected = 0, duplicates = 0;
        var mismatches = new List<string>();
        foreach (var (stream, label) in ScenarioGraph.EventLabels)
        {
            var want = expected.Where(e => e.Feature == stream).Select(e => e.Uuid).ToHashSet(StringComparer.Ordinal);
            var keys = (await neo4j.QueryAsync($"MATCH (e:`{label}` {{account: $account}}) RETURN e._key AS k", parameters)).Rows.Select(r => (string)r[0]!).ToList();
            var have = keys.ToHashSet(StringComparer.Ordinal);
            found += keys.Count;
            missing += want.Count(k => !have.Contains(k));
            unexpected += have.Count(k => !want.Contains(k));
            duplicates += keys.Count - have.Count;
            duplicates += await neo4j.CountAsync(
                $"MATCH (e:`{label}` {{account: $account}})<-[r:PERFORMED]-(u) WITH e, u, count(r) AS n WHERE n > 1 RETURN coalesce(sum(n - 1), 0) AS c", parameters);
            // The stored cursor must sit right after the last event written: the stream's events up to its position
            // are all in the graph, and none after it.
            var cursor = (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: $key}) RETURN s.cursor AS c", new Dictionary<string, object?> { ["key"] = $"{account.Name}:{stream}" }))
                .Rows.SingleOrDefault()?[0] as string;
            var position = SimulatorCursor.PositionOf(cursor);
            var log = expected.Where(e => e.Feature == stream).Select(e => e.Uuid).ToList();
            var behind = log.Take((int)position + 1).Count(k => !have.Contains(k));
            var ahead = log.Skip((int)position + 1).Count(have.Contains);
            if (behind > 0 || ahead > 0)
            {
                mismatches.Add($"{stream}: the cursor is at event {position + 1} of {log.Count}, with {behind} events before it missing and {ahead} after it already written");
            }
        }

        if (account.Connect is not null)
        {
            var items = (await neo4j.QueryAsync("MATCH (s:one_password_secret {account: $account, active: true, placeholder: false}) RETURN s._key AS k", parameters))
                .Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            if (!items.SetEquals(account.ExpectedItems))
            {
                mismatches.Add($"inventory: {items.Count} active items in the graph, Connect lists {account.ExpectedItems.Count} ({items.Except(account.ExpectedItems).Count()} should be inactive, {account.ExpectedItems.Except(items).Count()} missing)");
            }
        }

        return new GraphTally(expected.Count, found, missing, unexpected, duplicates, mismatches);
    }

    public override string ToString() =>
        $"expected {Expected}, found {Found}, missing {Missing}, unexpected {Unexpected}, duplicates {Duplicates}" + (Mismatches.Count > 0 ? "; " + string.Join("; ", Mismatches) : string.Empty);
}
