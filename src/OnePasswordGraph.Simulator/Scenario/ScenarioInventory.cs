namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// The people, vaults and items of one simulated 1Password account. Events reference these by uuid, and the Connect
/// simulator serves the vaults and items, so both halves of the simulator describe the same account.
/// </summary>
public sealed record ScenarioInventory(
    string AccountUuid,
    IReadOnlyList<ScenarioUser> Users,
    IReadOnlyList<ScenarioVault> Vaults,
    IReadOnlyList<ScenarioItem> Items)
{
    /// <summary>
    /// Gets every secret value of the scenario (field values, one-time codes, file contents as text). Tests scan the
    /// graph and the logs for these and must never find one.
    /// </summary>
    public IEnumerable<string> SecretCanaries =>
        Items.SelectMany(item => item.Fields.SelectMany(FieldSecrets)
            .Concat(item.Files.Select(file => System.Text.Encoding.UTF8.GetString(file.Content))));

    private static IEnumerable<string> FieldSecrets(ScenarioField secretField) =>
        secretField.Totp is null ? [secretField.Value] : [secretField.Value, secretField.Totp];
}
