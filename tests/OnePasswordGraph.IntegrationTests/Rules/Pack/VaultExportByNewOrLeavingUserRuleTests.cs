using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class VaultExportByNewOrLeavingUserRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "vault-export-by-new-or-leaving-user";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_ExportSevenDaysAfterActivation_FlagsJoinerAndVault()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1").Secret("s2", "v1");
        var activated = graph.Audit("owner", "activate", "user", null, Now.AddDays(-7).AddHours(-1), objectUser: "newbie");
        var first = graph.Usage("newbie", "s1", "v1", "export", Now.AddMinutes(-30));
        var second = graph.Usage("newbie", "s2", "v1", "export", Now.AddMinutes(-29));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-6), Now));

        Assert.Equal(["newbie", "v1"], finding.Flagged);
        Assert.Equal([first, second, activated], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-29), finding.OccurredOn);
        Assert.Equal("newbie@example.com exported 2 times from 1 vault 7 days after their account was activated", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-2), Now.AddHours(1)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_ExportLongAfterActivationJoinerWhoOnlyRevealsOrActivatingAdmin_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "activate", "user", null, Now.AddDays(-20), objectUser: "veteran");
        graph.Usage("veteran", "s1", "v1", "export", Now.AddMinutes(-30));
        graph.Audit("owner", "activate", "user", null, Now.AddDays(-2), objectUser: "newbie");
        graph.Usage("newbie", "s1", "v1", "reveal", Now.AddMinutes(-20));
        graph.Audit("admin", "activate", "user", null, Now.AddDays(-1), objectUser: "someoneelse");
        graph.Usage("admin", "s2", "v1", "export", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-6), Now));
    }

    [Fact]
    public async Task Evaluate_ExportsThreeDaysBeforeSuspensionThenDeletion_FlagsLeaverOnce()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1");
        var usage = graph.Usage("leaver", "s1", "v1", "export", Now.AddDays(-3).AddHours(-1));
        var vaultExport = graph.Audit("leaver", "export", "vault", "v1", Now.AddDays(-3).AddMinutes(-59));
        var suspended = graph.Audit("owner", "suspend", "user", null, Now.AddMinutes(-10), objectUser: "leaver");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-6), Now));

        Assert.Equal(["leaver", "v1"], finding.Flagged);
        Assert.Equal([usage, vaultExport, suspended], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("leaver@example.com exported 2 times from 1 vault 3 days before their account was suspended", finding.Summary);

        graph.Audit("owner", "delete", "user", null, Now.AddMinutes(5), objectUser: "leaver");
        await graph.WriteAsync();
        var afterDeletion = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-5), Now.AddMinutes(10)));
        Assert.Equal(finding.Fingerprint, afterDeletion.Fingerprint);
        Assert.Equal("leaver@example.com exported 2 times from 1 vault 3 days before their account was deleted", afterDeletion.Summary);
    }

    [Fact]
    public async Task Evaluate_ExportLongBeforeSuspensionOrSuspensionWithoutExport_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Usage("leaver", "s1", "v1", "export", Now.AddDays(-20));
        graph.Usage("leaver", "s1", "v1", "reveal", Now.AddDays(-2));
        graph.Audit("owner", "suspend", "user", null, Now.AddMinutes(-10), objectUser: "leaver");
        graph.Usage("quiet", "s1", "v1", "export", Now.AddDays(-2));
        graph.Audit("owner", "reactive", "user", null, Now.AddMinutes(-5), objectUser: "quiet");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-6), Now));
    }
}
