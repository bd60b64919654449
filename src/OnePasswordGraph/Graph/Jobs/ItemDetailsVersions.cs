using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Which item versions the integration already read the details of. Each detail read is recorded by 1Password as
/// item usage, so an item's details are read again only when its version changed.
/// </summary>
public sealed class ItemDetailsVersions
{
    private const string Query =
        "MATCH (s:`one_password_secret` {`account`: $account, `vaultUUID`: $vault}) WHERE s.`detailsVersion` IS NOT NULL "
        + "RETURN s.`itemUUID` AS item, s.`detailsVersion` AS version";

    private readonly ICypherRunner _runner;
    private readonly TransientRetry _retry;

    public ItemDetailsVersions(ICypherRunner runner, TransientRetry retry)
    {
        _runner = runner;
        _retry = retry;
    }

    /// <summary>Reads item uuid → version of the details last read, for the items of one vault.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(string account, string vaultId, CancellationToken cancellationToken)
    {
        var statement = new CypherStatement(Query, new Dictionary<string, object?> { ["account"] = account, ["vault"] = vaultId });
        var results = await _retry.ExecuteAsync(token => _runner.RunAsync([statement], token), cancellationToken).ConfigureAwait(false);
        return results[0].Rows
            .Where(row => row[0] is string && row[1] is long)
            .ToDictionary(row => (string)row[0]!, row => (long)row[1]!, StringComparer.Ordinal);
    }
}
