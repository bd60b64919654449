using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Tests.Rules.Internal;

public sealed class QueryParameterScannerTests
{
    [Fact]
    public void Scan_Query_FindsParametersOutsideLiteralsAndComments()
    {
        const string Query = """
            MATCH (e {a: $account}) // not $commented
            /* nor $blocked */ WHERE e.t >= $since AND e.x IN $list_1 AND e.s = 'it''s $quoted' AND e.d = "also \" $quoted"
            RETURN e.`odd$name` AS x, $now AS now
            """;

        Assert.Equal(["account", "list_1", "now", "since"], QueryParameterScanner.Scan(Query).Order(StringComparer.Ordinal));
    }
}
