namespace OnePasswordGraph.Sync.Inventory;

/// <summary>The vaults the <c>vaults</c> step listed (ids, and names for the items' <c>vaultName</c>), for the <c>items</c> step.</summary>
internal sealed record VaultListing(IReadOnlyList<string> VaultIds, IReadOnlyDictionary<string, string?> VaultNames);
