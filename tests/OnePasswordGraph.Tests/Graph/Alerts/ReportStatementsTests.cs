using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Alerts;

public sealed class ReportStatementsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Findings_Text_MatchesSnapshot() =>
        Snapshot.Match(ReportStatements.Findings("acme", Now, 200, 12, 3).Text, "tests/OnePasswordGraph.Tests/Graph/Snapshots/alert-report.cypher");

    [Fact]
    public void Findings_EveryValue_IsAParameter()
    {
        var statement = ReportStatements.Findings("acme' OR 1=1", Now, 5, 6, 7);

        Assert.DoesNotContain("acme", statement.Text, StringComparison.Ordinal);
        Assert.Equal(
            ("acme' OR 1=1", Now.ToUnixTimeMilliseconds(), 5L, 6L, 7L),
            (statement.Parameters["account"], statement.Parameters["oldest"], statement.Parameters["limit"], statement.Parameters["width"], statement.Parameters["around"]));
    }
}
