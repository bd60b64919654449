using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>Inventory clean-up and account bookkeeping at a chosen time, for the inventory and ingestion-health rules.</summary>
internal sealed partial class RuleTestGraph
{
    /// <summary>
    /// Soft-deletes the written item <paramref name="item"/> as a later complete listing that no longer holds it would:
    /// through the production <see cref="StaleInventoryCleaner"/>, with its clock at <paramref name="at"/> (so
    /// <c>active = false</c> and <c>deletedOn = at</c>).
    /// </summary>
    public async Task RemoveFromInventoryAsync(string item, DateTimeOffset at)
    {
        var cleaner = new StaleInventoryCleaner(neo4j.Runner, new FakeTimeProvider(at));
        var removed = await cleaner.DeactivateStaleNodesAsync(
            OnePasswordNodeTypes.Secret, account, "rule-test-later-run", "itemUUID", [item], CancellationToken.None);
        Assert.Equal(1, removed);
    }

    /// <summary>
    /// Writes the account node again as the sync's account step does at the start of a run, with the writer's clock at
    /// <paramref name="at"/>, so its <c>lastSeenOn</c> is <paramref name="at"/>. Call it after <see cref="WriteAsync"/>,
    /// which writes the account node with the real clock.
    /// </summary>
    public async Task WriteAccountSeenAsync(DateTimeOffset at)
    {
        var writer = neo4j.CreateWriter(new FakeTimeProvider(at));
        var accountNode = new GraphEntity(OnePasswordNodeTypes.Account, account, new Dictionary<string, object?> { ["name"] = account });
        await writer.WriteAsync(new GraphChanges([accountNode], []), new GraphWriteContext(account), CancellationToken.None);
    }
}
