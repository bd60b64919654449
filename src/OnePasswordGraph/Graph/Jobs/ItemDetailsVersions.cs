using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Which item versions the integration already read the details of. Each detail read is recorded by 1Password as
/// item usage, so an item's details are read again only when its version changed.
/// </summary>
public sealed class ItemDetailsVersions
{
    internal static readonly string Query =
        $"MATCH (s:{Name(Secret.Type)} {{{Property(Secret, GraphProperties.Account)}: $account, {Property(Secret, "vaultUUID")}: $vault}}) "
        + $"WHERE s.{Property(Secret, "detailsVersion")} IS NOT NULL "
        + $"RETURN s.{Property(Secret, "itemUUID")} AS item, s.{Property(Secret, "detailsVersion")} AS version";

    private readonly ICypherRunner _runner;

    public ItemDetailsVersions(ICypherRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Reads item uuid → version of the details last read, for the items of one vault.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(string account, string vaultId, CancellationToken cancellationToken)
    {
        var statement = new CypherStatement(Query, new Dictionary<string, object?> { ["account"] = account, ["vault"] = vaultId });
        var results = await _runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
        return results[0].Rows
            .Where(row => row[0] is string && row[1] is long)
            .ToDictionary(row => (string)row[0]!, row => (long)row[1]!, StringComparer.Ordinal);
    }
}
