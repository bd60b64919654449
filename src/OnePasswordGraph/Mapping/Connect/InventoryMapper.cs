using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Connect.Records;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Mapping.Connect;

/// <summary>
/// Vaults and items from Connect to <c>one_password_vault</c> and <c>one_password_secret</c>, with
/// <c>(account)-[:HAS]->(vault)</c> and <c>(vault)-[:HAS]->(secret)</c>. Pure: metadata in, graph records out.
/// </summary>
internal static class InventoryMapper
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    public static GraphChanges Vaults(string accountKey, IReadOnlyList<ConnectVault> vaults) => new(
        [.. vaults.Select(vault => new GraphEntity(Vault, vault.Id, new Dictionary<string, object?>
        {
            ["vaultUUID"] = vault.Id,
            ["name"] = vault.Name,
            ["displayName"] = vault.Name,
            ["description"] = vault.Description,
            ["type"] = vault.Type,
            ["attributeVersion"] = vault.AttributeVersion,
            ["contentVersion"] = vault.ContentVersion,
            ["itemsCount"] = vault.Items,
            ["createdOn"] = vault.CreatedAt?.ToUnixTimeMilliseconds(),
            ["updatedOn"] = vault.UpdatedAt?.ToUnixTimeMilliseconds(),
        }))],
        [.. vaults.Select(vault => new GraphRelationship(AccountHasVault, accountKey, vault.Id, NoProperties))]);

    public static GraphChanges Items(string vaultId, IReadOnlyList<ConnectItem> items, IReadOnlyDictionary<string, ItemDetailsRead>? details = null, string? vaultName = null) => new(
        [.. items.Select(item => new GraphEntity(Secret, item.Id, Properties(vaultId, vaultName, item, details?.GetValueOrDefault(item.Id))))],
        [.. items.Select(item => new GraphRelationship(VaultHasSecret, vaultId, item.Id, NoProperties))]);

    private static Dictionary<string, object?> Properties(string vaultId, string? vaultName, ConnectItem item, ItemDetailsRead? read)
    {
        var urls = (item.Urls ?? []).Select(u => UrlCleaner.Clean(u.Href)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var primary = (item.Urls ?? []).FirstOrDefault(u => u.Primary == true) ?? (item.Urls is { Count: > 0 } all ? all[0] : null);
        var details = read?.Details;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["itemUUID"] = item.Id,
            ["vaultUUID"] = item.Vault?.Id ?? vaultId,
            ["vaultId"] = item.Vault?.Id ?? vaultId,
            ["vaultName"] = vaultName,
            ["name"] = item.Title,
            ["displayName"] = item.Title,
            ["category"] = item.Category,
            ["tags"] = (item.Tags ?? []).ToList(),
            ["favorite"] = item.Favorite ?? false,
            ["version"] = item.Version,
            ["state"] = item.State,
            ["urls"] = urls,
            ["primaryUrl"] = UrlCleaner.Clean(primary?.Href),
            ["lastEditedBy"] = item.LastEditedBy,
            ["createdOn"] = item.CreatedAt?.ToUnixTimeMilliseconds(),
            ["updatedOn"] = item.UpdatedAt?.ToUnixTimeMilliseconds(),
            ["sectionLabels"] = details?.Sections?.Select(s => s.Label).OfType<string>().ToList(),
            ["fileNames"] = details?.Files?.Select(f => f.Name).OfType<string>().ToList(),
            ["detailsVersion"] = read?.Version,
            ["detailsReadOn"] = read?.ReadOn.ToUnixTimeMilliseconds(),
        };
    }
}
