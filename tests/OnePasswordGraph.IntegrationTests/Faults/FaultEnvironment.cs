using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>The settings every process of the fault suite runs with, as an operator would set them.</summary>
internal static class FaultEnvironment
{
    /// <summary>
    /// Neo4j and the retry policy, small pages so that a backfill spans many writes, and no alert rules: the suite
    /// counts what the sync writes, and the rules have tests of their own. The long profile keeps the product's retry
    /// defaults; the short one retries sooner (first 1Password retry after 0.2 s; Neo4j retries at most 5 s apart, up
    /// to 12 of them) so that a recovery is not spent in a backoff of half a minute.
    /// </summary>
    public static Dictionary<string, string> Create(Neo4jServerFixture neo4j, params FaultAccount[] accounts)
    {
        var environment = new Dictionary<string, string>
        {
            ["Neo4j__Url"] = neo4j.Url.ToString(),
            ["Neo4j__User"] = neo4j.User,
            ["Neo4j__Password"] = neo4j.Password,
            ["Alerts__Enabled"] = "false",
        };
        if (!FaultProfile.Current.IsLong)
        {
            environment["OnePassword__Retry__InitialDelay"] = "00:00:00.200";
            environment["Neo4j__Retry__MaxDelay"] = "00:00:05";
            environment["Neo4j__Retry__MaxRetryAttempts"] = "12";
        }

        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i].Configure(environment, i);
        }

        return environment;
    }
}
