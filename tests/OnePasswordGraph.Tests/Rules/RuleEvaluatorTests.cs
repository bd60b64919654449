using OnePasswordGraph.Graph;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Rules;

public sealed class RuleEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Columns = ["flagged", "evidence", "summary", "occurredOn", "dedupKey"];

    [Fact]
    public async Task EvaluateAsync_Row_BecomesAFindingWithAStableFingerprint()
    {
        var runner = new ScriptedCypherRunner(Result([new[] { "u1", "s1" }, new[] { "e1" }, "u1 exported s1", 1_700_000_000_000L, "e1"]));

        var finding = Assert.Single(await Evaluate(runner));

        // Lowercase hex SHA-256 of "item-export\nacme\ne1": pinned so that a change of the scheme, which would raise every finding again, fails here.
        Assert.Equal("19a54454237fef11e74cea16388590bf11b95fb5127f437c98c4dec3c4a1f3e9", finding.Fingerprint);
        Assert.Equal(
            new Finding(finding.Fingerprint, "item-export", "Item exported", AlertSeverity.Medium, "acme", "u1 exported s1",
                DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000L), "e1", finding.Flagged, finding.Evidence),
            finding);
        Assert.Equal(["u1", "s1"], finding.Flagged);
        Assert.Equal(["e1"], finding.Evidence);
    }

    [Fact]
    public async Task EvaluateAsync_Always_PassesAccountWindowAndParameters()
    {
        var runner = new ScriptedCypherRunner(Result());

        await Evaluate(runner);

        var parameters = Assert.Single(runner.Statements).Parameters;
        Assert.Equal("acme", parameters["account"]);
        Assert.Equal(Now.AddHours(-1).ToUnixTimeMilliseconds(), parameters["since"]);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), parameters["now"]);
    }

    [Fact]
    public async Task EvaluateAsync_SameDedupKeyOnTwoAccountsOrRules_GivesDifferentFingerprints()
    {
        var row = new object?[] { new[] { "u1" }, new[] { "e1" }, "s", 1L, "k" };

        var acme = (await Evaluate(new ScriptedCypherRunner(Result(row)), "acme"))[0].Fingerprint;
        var other = (await Evaluate(new ScriptedCypherRunner(Result(row)), "other"))[0].Fingerprint;
        var again = (await Evaluate(new ScriptedCypherRunner(Result(row)), "acme"))[0].Fingerprint;

        Assert.NotEqual(acme, other);
        Assert.Equal(acme, again);
        Assert.Matches("^[0-9a-f]{64}$", acme);
    }

    [Fact]
    public async Task EvaluateAsync_MoreThan50Evidence_KeepsTheFirst50()
    {
        var evidence = Enumerable.Range(0, 80).Select(i => $"e{i}").ToArray();

        var finding = Assert.Single(await Evaluate(new ScriptedCypherRunner(Result([new[] { "u1" }, evidence, "s", 1L, "k"]))));

        Assert.Equal(evidence.Take(50), finding.Evidence);
    }

    [Fact]
    public async Task EvaluateAsync_TwoRowsWithOneDedupKey_KeepsTheNewest()
    {
        var runner = new ScriptedCypherRunner(Result([new[] { "u1" }, new[] { "e1" }, "old", 1L, "k"], [new[] { "u1" }, new[] { "e2" }, "new", 2L, "k"]));

        var finding = Assert.Single(await Evaluate(runner));

        Assert.Equal("new", finding.Summary);
    }

    [Fact]
    public async Task EvaluateAsync_MissingColumn_FailsNamingIt()
    {
        var runner = new ScriptedCypherRunner(new CypherResult(["flagged", "evidence", "summary", "occurredOn"], []));

        var error = await Assert.ThrowsAsync<RuleResultException>(() => Evaluate(runner));

        Assert.Equal("Rule 'item-export' returned the columns [flagged, evidence, summary, occurredOn] but must return flagged, evidence, summary, occurredOn, dedupKey (missing: dedupKey).", error.Message);
    }

    [Fact]
    public async Task EvaluateAsync_NullDedupKey_Fails()
    {
        var runner = new ScriptedCypherRunner(Result([new[] { "u1" }, new[] { "e1" }, "s", 1L, null]));

        var error = await Assert.ThrowsAsync<RuleResultException>(() => Evaluate(runner));

        Assert.Equal("Rule 'item-export' returned a row whose dedupKey is null.", error.Message);
    }

    private static Task<IReadOnlyList<Finding>> Evaluate(ScriptedCypherRunner runner, string account = "acme") =>
        new RuleEvaluator(runner).EvaluateAsync(RuleCatalog.LoadBuiltIn().Find("item-export")!, account, Now.AddHours(-1), Now, CancellationToken.None);

    private static CypherResult Result(params object?[][] rows) =>
        new(Columns, [.. rows.Select(row => (IReadOnlyList<object?>)row.Select(Value).ToList())]);

    // Lists come back from Neo4j as lists of objects.
    private static object? Value(object? value) => value is string[] list ? list.Cast<object?>().ToList() : value;
}
