using OnePasswordGraph.Cli.Report;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Cli.Report;

public sealed class ReportReaderTests
{
    [Fact]
    public async Task ReadAsync_Neighbourhood_KeepsEachRelationshipsDirectionAndCaptionsNodes()
    {
        var user = Node("u1", "one_password_user", ("email", "ann@example.com"), ("name", "Ann"));
        var usage = Node("e1", "one_password_item_usage_event", ("action", "reveal"));
        var secret = Node("s1abcdef123", "one_password_secret");
        var row = new List<object?>
        {
            "fp1", "reveal-burst", "Reveal burst", "HIGH", "Ann revealed 9 items", 1_700_000_000_000L, 1_700_000_100_000L,
            new List<object?>
            {
                Map(("node", user), ("around", new List<object?>())),
                Map(("node", usage), ("around", new List<object?>
                {
                    Map(("relationship", "PERFORMED"), ("outgoing", false), ("node", user)),
                    Map(("relationship", "ACCESSED"), ("outgoing", true), ("node", secret)),
                })),
            },
        };
        var runner = new ScriptedCypherRunner(new CypherResult(
            ["fingerprint", "ruleId", "ruleName", "severity", "summary", "occurredOn", "createdOn", "neighbourhood"], [row]));

        var findings = await new ReportReader(runner).ReadAsync("acme", ReportSamples.Now, CancellationToken.None);

        var finding = Assert.Single(findings);
        Assert.Equal((AlertSeverity.High, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000L)), (finding.Severity, finding.OccurredOn));
        Assert.Equal(["fp1|Reveal burst", "u1|ann@example.com", "e1|reveal", "s1abcdef123|s1abcdef…"], finding.Nodes.Select(n => $"{n.Key}|{n.Caption}"));
        Assert.Equal(
            [new("fp1", "u1", "FLAGS"), new("fp1", "e1", "FLAGS"), new("u1", "e1", "PERFORMED"), new("e1", "s1abcdef123", "ACCESSED")],
            finding.Edges);
        Assert.Equal("acme", runner.Statements[0].Parameters["account"]);
    }

    private static Dictionary<string, object?> Node(string key, string type, params (string Name, object? Value)[] properties) =>
        Map([("_key", key), ("_type", type), .. properties]);

    private static Dictionary<string, object?> Map(params (string Name, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
}
