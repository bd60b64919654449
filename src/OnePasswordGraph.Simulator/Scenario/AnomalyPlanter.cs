using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>Plants the patterns the field's detection rules look for, each with its events.</summary>
internal static class AnomalyPlanter
{
    public static List<(PlantedAnomaly Anomaly, List<SimulatedEvent> Events)> Plant(ActivityContext context)
    {
        var inventory = context.Inventory;
        var users = inventory.Users;
        var insider = users[Math.Min(5, users.Count - 1)];
        var admin = context.Admins[0];
        var when = context.End - TimeSpan.FromDays(2);
        var planted = new List<(PlantedAnomaly, List<SimulatedEvent>)>();

        void Add(string kind, string description, List<SimulatedEvent> events) =>
            planted.Add((new PlantedAnomaly(kind, description, events.Select(e => e.Uuid).ToList()), events));

        Add("reveal-burst", $"{insider.Name} reveals and copies 30 items within 10 minutes", [.. Enumerable.Range(0, 30).Select(i =>
            ActivityGenerator.Usage(context, insider, inventory.Items[i % inventory.Items.Count], i % 2 == 0 ? "reveal" : "secure-copy", when.AddSeconds(i * 20)))]);
        Add("export", $"{insider.Name} exports an item", [ActivityGenerator.Usage(context, insider, inventory.Items[^1], "export", when.AddMinutes(30))]);
        var traveller = users[Math.Min(7, users.Count - 1)];
        Add("new-country-and-client", $"{traveller.Name} signs in from {ScenarioCatalog.UnusualPlaces[0].Country} with an unofficial client",
            [ActivityGenerator.SignIn(context, traveller, "success", "credentials_ok", ScenarioCatalog.UnusualPlaces[0], ScenarioCatalog.UnusualClient, when.AddHours(1))]);
        var target = users[Math.Min(9, users.Count - 1)];
        Add("failed-sign-in-burst", $"25 failed sign-ins for {target.Name} from one IP", [.. Enumerable.Range(0, 25).Select(i =>
            ActivityGenerator.SignIn(context, target, "credentials_failed", "password_secret_bad", ScenarioCatalog.UnusualPlaces[1], null, when.AddHours(2).AddSeconds(i * 30)))]);
        Add("mfa-disabled", $"{admin.Name} disables MFA for the account", [ActivityGenerator.Audit(context, admin, "disblmfa", "account", inventory.AccountUuid, at: when.AddHours(3))]);
        Add("sso-changed", $"{admin.Name} changes SSO settings", [ActivityGenerator.Audit(context, admin, "chngpsso", "sso", context.Ids.LowerUuid(), at: when.AddHours(3.5))]);
        Add("firewall-changed", $"{admin.Name} changes firewall rules", [ActivityGenerator.Audit(context, admin, "updatfw", "account", inventory.AccountUuid, at: when.AddHours(4))]);
        var vault = inventory.Vaults[^1];
        var vaultItems = inventory.Items.Where(i => i.VaultId == vault.Id).Take(5).ToList();
        var selfGrant = new List<SimulatedEvent> { ActivityGenerator.Audit(context, admin, "grant", "uva", vault.Id, auxUser: admin, auxInfo: "R", at: when.AddHours(5)) };
        selfGrant.AddRange(vaultItems.Select((item, i) => (SimulatedEvent)ActivityGenerator.Usage(context, admin, item, "reveal", when.AddHours(5).AddMinutes(10 + i))));
        Add("self-granted-vault-access", $"{admin.Name} grants themself access to {vault.Name} and reveals its items", selfGrant);
        Add("service-account-token", $"{admin.Name} renames and verifies a service account token",
            [ActivityGenerator.Audit(context, admin, "trename", "satoken", context.Ids.LowerUuid(), at: when.AddHours(6)), ActivityGenerator.Audit(context, admin, "tverify", "satoken", context.Ids.LowerUuid(), at: when.AddHours(6.1))]);
        Add("manual-invite", $"{admin.Name} invites a user by hand", [ActivityGenerator.Audit(context, admin, "create", "invite", context.Ids.LowerUuid(), at: when.AddHours(7))]);
        var hidden = new ScenarioItem(
            context.Ids.LowerUuid(), context.Ids.LowerUuid(), "not visible to Connect", "LOGIN", [], [], false, 3, null, when, when, admin.Uuid, [], [], []);
        Add("item-not-in-inventory", "usages of an item in a vault the Connect token cannot see", [.. Enumerable.Range(0, 3).Select(i =>
            ActivityGenerator.Usage(context, users[i % users.Count], hidden, "fill", when.AddHours(8).AddMinutes(i)))]);
        return planted;
    }
}
