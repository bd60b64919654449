using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Soft-deletes inventory a complete listing no longer contains and removes inventory relationships it no longer
/// shows, one account at a time. The caller decides what was complete: cleanup never runs for what a failed listing
/// may have missed.
/// </summary>
public sealed class StaleInventoryCleaner
{
    private const int ChunkSize = 10_000;

    private readonly ICypherRunner _runner;
    private readonly TimeProvider _timeProvider;

    public StaleInventoryCleaner(ICypherRunner runner, TimeProvider timeProvider)
    {
        _runner = runner;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Marks nodes of <paramref name="type"/> in <paramref name="account"/> not stamped with <paramref name="syncTag"/>
    /// inactive; with <paramref name="scope"/>, only those whose <paramref name="scopeProperty"/> is in it.
    /// Returns how many were marked.
    /// </summary>
    public Task<long> DeactivateStaleNodesAsync(
        NodeType type, string account, string syncTag, string? scopeProperty, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken) =>
        RunChunkedAsync(CleanupStatementBuilder.StaleNodes(type, scopeProperty), account, syncTag, scope, cancellationToken);

    /// <summary>
    /// Ends the memberships (<paramref name="membership"/>, from <paramref name="account"/>'s node) that the listing
    /// tagged <paramref name="syncTag"/> did not renew, and marks their nodes inactive when no other account's
    /// listing holds them. Returns how many memberships ended.
    /// </summary>
    public Task<long> EndStaleMembershipsAsync(RelationshipType membership, string account, string syncTag, CancellationToken cancellationToken) =>
        RunChunkedAsync(CleanupStatementBuilder.EndedMemberships(membership), account, syncTag, null, cancellationToken);

    /// <summary>
    /// Removes relationships of <paramref name="type"/> in <paramref name="account"/> not stamped with
    /// <paramref name="syncTag"/>; with <paramref name="scope"/>, only those whose start node's
    /// <paramref name="fromScopeProperty"/> is in it. Returns how many were removed.
    /// </summary>
    public Task<long> RemoveStaleRelationshipsAsync(
        RelationshipType type, string account, string syncTag, string? fromScopeProperty, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken) =>
        RunChunkedAsync(CleanupStatementBuilder.StaleRelationships(type, fromScopeProperty), account, syncTag, scope, cancellationToken);

    private Task<long> RunChunkedAsync(string text, string account, string syncTag, IReadOnlyCollection<string>? scope, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["account"] = account,
            ["syncTag"] = syncTag,
            ["now"] = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            ["scope"] = scope?.ToList(),
        };
        return ChunkedStatement.RunUntilDoneAsync(_runner, text, parameters, ChunkSize, cancellationToken);
    }
}
