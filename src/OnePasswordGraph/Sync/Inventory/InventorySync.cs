using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Mapping.Connect;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Connect.Records;
using OnePasswordGraph.Sync.Internal;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync.Inventory;

/// <summary>
/// The inventory snapshot of one account: vaults, then their items (metadata only). Every run stamps what it sees
/// with its run id; after a complete listing, what was not seen is soft-deleted (<c>active = false</c>,
/// <c>deletedOn</c>) and inventory edges no longer seen are removed. A vault whose listing failed keeps its items and
/// edges untouched.
/// </summary>
internal sealed class InventorySync(
    IConnectClient client, GraphWriter writer, StaleInventoryCleaner cleaner, ItemDetailsVersions detailsVersions, TransientRetry retry, TimeProvider timeProvider, ILogger logger)
{
    public async Task<StepOutcome> SyncVaultsAsync(StepContext context, CancellationToken cancellationToken)
    {
        var account = context.Account.Name;
        var vaults = await retry.ExecuteAsync(token => client.ListVaultsAsync(token), cancellationToken).ConfigureAwait(false);
        var write = new GraphWriteContext(account, context.RunId);
        await writer.WriteAsync(InventoryMapper.Vaults(account, vaults), write, cancellationToken).ConfigureAwait(false);
        context.Set(new VaultListing([.. vaults.Select(v => v.Id)], vaults.DistinctBy(v => v.Id).ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal)));

        var gone = await cleaner.DeactivateStaleNodesAsync(OnePasswordNodeTypes.Vault, account, context.RunId, null, null, cancellationToken).ConfigureAwait(false);
        var unlinked = await cleaner.RemoveStaleRelationshipsAsync(OnePasswordRelationshipTypes.AccountHasVault, account, context.RunId, null, null, cancellationToken).ConfigureAwait(false);
        LogCleanup(account, OnePasswordNodeTypes.Vault.Type, gone, unlinked);
        return new StepOutcome(new Dictionary<string, long>
        {
            [OnePasswordNodeTypes.Vault.Type] = vaults.Count,
            ["deactivated " + OnePasswordNodeTypes.Vault.Type] = gone,
        });
    }

    public async Task<StepOutcome> SyncItemsAsync(StepContext context, bool fetchDetails, CancellationToken cancellationToken)
    {
        var account = context.Account.Name;
        if (context.Get<VaultListing>() is not { } listing)
        {
            throw new InvalidOperationException("The vault listing failed, so no item listing can be complete; items are left as they were.");
        }

        var write = new GraphWriteContext(account, context.RunId);
        var complete = new List<string>();
        var failures = new List<string>();
        long items = 0;
        long detailReads = 0;
        foreach (var vaultId in listing.VaultIds)
        {
            try
            {
                var listed = await retry.ExecuteAsync(token => client.ListItemsAsync(vaultId, token), cancellationToken).ConfigureAwait(false);
                var details = fetchDetails ? await DetailsAsync(account, vaultId, listed, cancellationToken).ConfigureAwait(false) : null;
                await writer.WriteAsync(InventoryMapper.Items(vaultId, listed, details, listing.VaultNames.GetValueOrDefault(vaultId)), write, cancellationToken).ConfigureAwait(false);
                detailReads += details?.Count ?? 0;
                complete.Add(vaultId);
                items += listed.Count;
            }
            catch (Exception ex) when (ex is ConnectApiException or RetryDeadlineExceededException)
            {
                failures.Add($"vault {vaultId}: {ex.Message}");
                SyncLog.CleanupSkipped(logger, account, $"{OnePasswordNodeTypes.Secret.Type} of vault {vaultId}", ex.Message);
            }
        }

        var gone = await cleaner.DeactivateStaleNodesAsync(OnePasswordNodeTypes.Secret, account, context.RunId, "vaultUUID", complete, cancellationToken).ConfigureAwait(false);
        var unlinked = await cleaner.RemoveStaleRelationshipsAsync(OnePasswordRelationshipTypes.VaultHasSecret, account, context.RunId, "vaultUUID", complete, cancellationToken).ConfigureAwait(false);
        LogCleanup(account, OnePasswordNodeTypes.Secret.Type, gone, unlinked);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} of {listing.VaultIds.Count} vaults could not be listed; their items were left untouched. " + string.Join(" ", failures));
        }

        return new StepOutcome(new Dictionary<string, long>
        {
            [OnePasswordNodeTypes.Secret.Type] = items,
            ["deactivated " + OnePasswordNodeTypes.Secret.Type] = gone,
            ["item details read"] = detailReads,
        });
    }

    private void LogCleanup(string account, string type, long gone, long unlinked)
    {
        if (gone + unlinked == 0)
        {
            SyncLog.InventoryUnchanged(logger, account, type);
            return;
        }

        SyncLog.InventoryCleaned(logger, account, type, gone, unlinked);
    }

    // Every detail read shows up in the account's item usage as a read by the Connect server, so only items whose
    // version moved since the last read are read again.
    private async Task<Dictionary<string, ItemDetailsRead>> DetailsAsync(string account, string vaultId, IReadOnlyList<ConnectItem> items, CancellationToken cancellationToken)
    {
        var known = await detailsVersions.ReadAsync(account, vaultId, cancellationToken).ConfigureAwait(false);
        var details = new Dictionary<string, ItemDetailsRead>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Version is not { } version || known.GetValueOrDefault(i.Id) != version))
        {
            var read = await retry.ExecuteAsync(token => client.GetItemDetailsAsync(vaultId, item.Id, token), cancellationToken).ConfigureAwait(false);
            details[item.Id] = new ItemDetailsRead(read, item.Version, timeProvider.GetUtcNow());
        }

        return details;
    }
}
