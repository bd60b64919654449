using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Alerts;

public sealed class AlertStatementsTests
{
    private const string Folder = "tests/OnePasswordGraph.Tests/Graph/Snapshots/";
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Store_Text_MatchesSnapshot() =>
        Snapshot.Match(AlertStatements.Store([Alert("f1")], "run-1", Now).Text, Folder + "store-findings.cypher");

    [Fact]
    public void Watermarks_Text_MatchesSnapshot() =>
        Snapshot.Match(
            AlertStatements.ReadWatermarks("acme", ["item-export"]).Text + "\n;\n" + AlertStatements.WriteWatermark("acme", "item-export", Now, Now).Text,
            Folder + "rule-watermark.cypher");

    [Fact]
    public void EventsPerHour_Text_MatchesSnapshot() =>
        Snapshot.Match(AlertStatements.EventsPerHour("acme", DateTimeOffset.UnixEpoch, Now).Text, Folder + "events-per-hour.cypher");

    [Fact]
    public void EventsPerHour_Parameters_AreTheAccountAndTheWindowInEpochMilliseconds()
    {
        var parameters = AlertStatements.EventsPerHour("acme", Now.AddDays(-1), Now).Parameters;

        Assert.Equal(("acme", Now.AddDays(-1).ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds()), (parameters["account"], parameters["since"], parameters["now"]));
    }

    [Fact]
    public void Store_Parameters_CarryEveryValueAndOneFlagRowPerAlertAndDistinctTarget()
    {
        var statement = AlertStatements.Store([Alert("f1", targets: ["u1", "s1", "u1"]), Alert("f2", targets: ["u1"])], "run-1", Now);

        var alert = Assert.IsType<Dictionary<string, object?>>(((List<object?>)statement.Parameters["alerts"]!)[0]);
        var props = Assert.IsType<Dictionary<string, object?>>(alert["props"]);
        Assert.Equal("f1", alert["key"]);
        Assert.Equal(("f1", "one_password_alert", "Finding", "acme"), (props["_key"], props["_type"], props["_class"], props["account"]));
        // Flags are found by their target's key (one map entry per distinct target, the targets listed once).
        var flags = Assert.IsType<Dictionary<string, object?>>(statement.Parameters["flags"]);
        Assert.Equal(["u1", "s1"], (List<object?>)statement.Parameters["targets"]!);
        var onU1 = ((List<object?>)flags["u1"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(["f1", "f2"], onU1.Select(f => f["alert"]));
        Assert.Equal("f1|flags|u1", ((Dictionary<string, object?>)onU1[0]["props"]!)["_key"]);
        Assert.Equal(["f1"], ((List<object?>)flags["s1"]!).Cast<Dictionary<string, object?>>().Select(f => f["alert"]));
        Assert.Equal(
            OnePasswordRelationshipTypes.AlertFlags.Select(r => r.Type),
            statement.Parameters.Where(p => p.Key.StartsWith("flagType", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        Assert.Equal(("run-1", Now.ToUnixTimeMilliseconds(), "open"), (statement.Parameters["runId"], statement.Parameters["now"], statement.Parameters["status"]));
    }

    [Theory]
    [InlineData("password", "one_password_alert 'f1': property 'password' is not declared or is maintained by the store")]
    [InlineData("status", "one_password_alert 'f1': property 'status' is not declared or is maintained by the store")]
    [InlineData("createdOn", "one_password_alert 'f1': property 'createdOn' is not declared or is maintained by the store")]
    public void Store_UndeclaredOrManagedProperty_IsRefused(string property, string problem)
    {
        var alert = Alert("f1");
        var bad = alert with { Properties = new Dictionary<string, object?>(alert.Properties) { [property] = "x" } };

        var error = Assert.Throws<GraphValidationException>(() => AlertStatements.Store([bad], "run-1", Now));

        Assert.Equal([problem], error.Problems);
    }

    [Fact]
    public void WriteWatermark_Props_AreDeclaredSyncStateProperties()
    {
        var props = (Dictionary<string, object?>)AlertStatements.WriteWatermark("acme", "item-export", Now, Now).Parameters["props"]!;

        Assert.Equal("acme:rule:item-export", props["_key"]);
        Assert.Equal("rule:item-export", props["stream"]);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), props["lastEvaluatedOn"]);
        Assert.All(props.Keys, p => Assert.NotNull(OnePasswordNodeTypes.SyncState.Property(p)));
    }

    private static AlertRecord Alert(string key, IReadOnlyList<string>? targets = null) => new(
        key,
        "acme",
        new Dictionary<string, object?> { ["ruleId"] = "item-export", ["summary"] = "s", ["occurredOn"] = 1L, ["flagged"] = new[] { "u1" }, ["evidence"] = new[] { "e1" }, ["evidenceCount"] = 1L },
        targets ?? ["u1", "e1"]);
}
