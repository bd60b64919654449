using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.Graph;

namespace OnePasswordGraph.Tests.Cli.Demo;

public sealed class ResultTableTests
{
    [Fact]
    public void Render_AlignsColumnsAndShowsTimesListsAndNulls()
    {
        var result = new CypherResult(
            ["user", "usedAt", "uses", "items"],
            [
                ["ada@example.com", 1_763_726_400_000L, 30L, new List<object?> { "a", "b" }],
                [null, null, 2L, new List<object?>()],
            ]);

        var text = ResultTable.Render(result);

        Assert.Equal(
            "  user            usedAt               uses items\n"
            + "  --------------- -------------------- ---- -----\n"
            + "  ada@example.com 2025-11-21 12:00:00Z 30   a, b\n"
            + "  -               -                    2    \n",
            text);
    }

    [Fact]
    public void Render_CutsLongValuesAndKeepsNumbersInColumnsNotNamedAsTimes()
    {
        var result = new CypherResult(["name", "count"], [[new string('x', 60) + "\nsecond line", 1_763_726_400_000L]]);

        var line = ResultTable.Render(result).Split('\n')[2];

        Assert.Equal("  " + new string('x', 47) + "… 1763726400000", line);
    }

    [Fact]
    public void Render_NoRows_SaysSo() =>
        Assert.Equal("  (no rows)\n", ResultTable.Render(new CypherResult(["user"], [])));
}
