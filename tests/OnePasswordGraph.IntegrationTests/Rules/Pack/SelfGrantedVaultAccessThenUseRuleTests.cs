using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SelfGrantedVaultAccessThenUseRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "self-granted-vault-access-then-use";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_SelfGrantThenUsesInThatVault_FlagsActorVaultAndItems()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1", "Prod DB").Secret("s2", "v1", "Deploy key");
        var grant = graph.Audit("alice", "grant", "uva", "v1", Now.AddMinutes(-50), auxUser: "alice", auxInfo: "R");
        var reveal = graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-40));
        var copy = graph.Usage("alice", "s2", "v1", "secure-copy", Now.AddMinutes(-30));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["alice", "v1", "s1", "s2"], finding.Flagged);
        Assert.Equal([grant, reveal, copy], finding.Evidence);
        Assert.Equal(grant, finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-30), finding.OccurredOn);
        Assert.Equal("alice@example.com granted themself access to vault Engineering and within 60 minutes used 2 item(s) in it (reveal, secure-copy)", finding.Summary);

        // A later evaluation whose window overlaps finds the same finding.
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-35), Now.AddMinutes(20)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_GrantToSomeoneElseWhoThenUsesTheVault_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Audit("admin", "grant", "uva", "v1", Now.AddMinutes(-50), auxUser: "bob", auxInfo: "R");
        graph.Usage("bob", "s1", "v1", "reveal", Now.AddMinutes(-40));
        graph.Usage("admin", "s1", "v1", "reveal", Now.AddMinutes(-30));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_SelfGrantWithUsesOnlyBeforeItOrInAnotherVault_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1").Vault("v2").Secret("s2", "v2");
        graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-55));
        graph.Audit("alice", "grant", "uva", "v1", Now.AddMinutes(-50), auxUser: "alice");
        graph.Usage("alice", "s2", "v2", "reveal", Now.AddMinutes(-40));
        graph.Usage("alice", "s1", "v1", "enter-item-edit-mode", Now.AddMinutes(-35));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-2), Now));
    }

    [Fact]
    public async Task Evaluate_UseLaterThanWithinMinutes_FlagsOnlyWhenTheWindowIsWidened()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        var grant = graph.Audit("alice", "update", "uva", "v1", Now.AddHours(-3), auxUser: "alice");
        var fill = graph.Usage("alice", "s1", "v1", "fill", Now.AddMinutes(-20));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["withinMinutes"] = "240" }));
        Assert.Equal(["alice", "v1", "s1"], finding.Flagged);
        Assert.Equal([grant, fill], finding.Evidence);
    }
}
