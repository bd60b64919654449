using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Generates weeks of plausible activity for an inventory from a seed (same seed, same events): people use items of
/// the vaults they work in from their usual places and clients, sign in (mostly successfully), and admins manage
/// access. A share of item usages arrive late, and a set of anomalies is planted (see <see cref="PlantedAnomaly"/>).
/// </summary>
public static class ActivityGenerator
{
    private static readonly string[] UsageActions = ["fill", "fill", "fill", "fill", "reveal", "secure-copy", "enter-item-edit-mode", "select-sso-provider", "server-update", "share", "other"];

    public static ScenarioActivity Generate(ScenarioInventory inventory, int seed, int count, TimeSpan span, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var random = new Random(seed);
        var context = new ActivityContext(inventory, random, end - span, end);
        var events = new List<SimulatedEvent>(count);
        var anomalies = AnomalyPlanter.Plant(context);
        var planted = anomalies.Sum(a => a.Events.Count);
        for (var i = 0; i < count - planted; i++)
        {
            var roll = random.Next(100);
            events.Add(roll < 62 ? Usage(context) : roll < 92 ? SignIn(context) : Audit(context));
        }

        events.AddRange(anomalies.SelectMany(a => a.Events));

        // Events reach the log in arrival order. About 2% of item usages arrive late (clients sync when they come
        // back online): up to a day after they happened, so they sit after newer events.
        var ordered = events
            .Select(e => (Event: e, Arrival: e is SimulatedItemUsage && random.Next(50) == 0 ? e.Timestamp + TimeSpan.FromHours(random.Next(1, 24)) : e.Timestamp))
            .OrderBy(e => e.Arrival)
            .Select(e => e.Event)
            .ToList();

        return new ScenarioActivity(ordered, anomalies.Select(a => a.Anomaly).ToList());
    }

    internal static SimulatedItemUsage Usage(ActivityContext context, ScenarioUser? user = null, ScenarioItem? item = null, string? action = null, DateTimeOffset? at = null)
    {
        var random = context.Random;
        user ??= context.Inventory.Users[random.Next(context.Inventory.Users.Count)];
        var usedItem = item ?? context.ItemFor(user);
        var client = user.Clients[random.Next(user.Clients.Count)];
        return new SimulatedItemUsage(
            context.Ids.UpperUuid(), at ?? context.RandomTime(), Math.Max(1, usedItem.Version - random.Next(3)), usedItem.VaultId, usedItem.Id,
            action ?? UsageActions[random.Next(UsageActions.Length)], user, client, user.HomePlace, context.Inventory.AccountUuid);
    }

    internal static SimulatedSignInAttempt SignIn(
        ActivityContext context, ScenarioUser? user = null, string? category = null, string? type = null, ScenarioPlace? place = null, ScenarioClient? client = null, DateTimeOffset? at = null)
    {
        var random = context.Random;
        user ??= context.Inventory.Users[random.Next(context.Inventory.Users.Count)];
        if (category is null)
        {
            (category, type) = random.Next(100) switch
            {
                < 80 => ("success", "credentials_ok"),
                < 90 => ("success", "mfa_ok"),
                < 95 => ("credentials_failed", "password_secret_bad"),
                < 98 => ("mfa_failed", "totp_bad"),
                _ => ("firewall_reported_success", "country_blocked"),
            };
        }

        var details = category.StartsWith("firewall", StringComparison.Ordinal) ? "Europe" : null;
        return new SimulatedSignInAttempt(
            context.Ids.UpperUuid(), context.Ids.UpperUuid(), at ?? context.RandomTime(), category, type ?? "credentials_ok", details, user,
            client ?? user.Clients[random.Next(user.Clients.Count)], place ?? user.HomePlace, context.Inventory.AccountUuid);
    }

    internal static SimulatedAuditEvent Audit(
        ActivityContext context, ScenarioUser? actor = null, string? action = null, string? objectType = null, string? objectUuid = null,
        ScenarioUser? objectUser = null, ScenarioUser? auxUser = null, string? auxInfo = null, DateTimeOffset? at = null)
    {
        var random = context.Random;
        actor ??= context.Admins[random.Next(context.Admins.Count)];
        if (action is null)
        {
            var subject = context.Inventory.Users[random.Next(context.Inventory.Users.Count)];
            var vault = context.Inventory.Vaults[random.Next(context.Inventory.Vaults.Count)];
            (action, objectType, objectUuid, auxUser, auxInfo) = random.Next(6) switch
            {
                0 => ("grant", "uva", vault.Id, subject, "R"),
                1 => ("revoke", "uva", vault.Id, subject, null),
                2 => ("join", "gm", context.Ids.LowerUuid(), subject, "M"),
                3 => ("update", "vault", vault.Id, (ScenarioUser?)null, (string?)null),
                4 => ("create", "item", context.Inventory.Items[random.Next(context.Inventory.Items.Count)].Id, null, null),
                _ => ("reauth", "device", context.Ids.LowerUuid(), null, null),
            };
        }

        return new SimulatedAuditEvent(
            context.Ids.UpperUuid(), at ?? context.RandomTime(), actor, action!, objectType!, objectUuid!, objectUser,
            auxUser is null ? null : random.Next(1_000_000, 9_999_999), auxUser?.Uuid, auxUser, auxInfo,
            context.Ids.UpperUuid(), (at ?? context.End).AddMinutes(-random.Next(5, 120)), context.Ids.LowerUuid(), actor.HomePlace, context.Inventory.AccountUuid);
    }
}
