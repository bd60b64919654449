namespace OnePasswordGraph.Sync.Inventory;

/// <summary>The vaults the <c>vaults</c> step listed, for the <c>items</c> step.</summary>
internal sealed record VaultListing(IReadOnlyList<string> VaultIds);
