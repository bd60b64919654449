using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Generates weeks of plausible activity for an inventory from a seed (same seed and purpose, same events): people use
/// items of the vaults they work in from their usual places and clients, sign in (mostly successfully), and admins
/// manage access. A share of item usages arrive late. In a scenario large enough, one example of every plantable alert
/// rule of the built-in pack is planted (see <see cref="PlantedAnomaly"/> and <see cref="AnomalyPlanter"/>); the benign
/// rest is kept free of the patterns of high and critical rules.
/// </summary>
public static class ActivityGenerator
{
    private static readonly string[] UsageActions = ["fill", "fill", "fill", "fill", "reveal", "secure-copy", "enter-item-edit-mode", "select-sso-provider", "server-update", "share", "other"];

    /// <summary>
    /// Generates <paramref name="count"/> events over <paramref name="span"/> ending at <paramref name="end"/>. Planted
    /// anomalies need at least <see cref="AnomalyPlanter.MinimumUsers"/> users, <see cref="AnomalyPlanter.MinimumEvents"/>
    /// events and <see cref="AnomalyPlanter.MinimumSpan"/>; smaller scenarios are benign only. The dormant users'
    /// earlier activity lies before the span (<see cref="ScenarioActivity.EarliestTimestamp"/> says where the scenario
    /// begins).
    /// </summary>
    public static ScenarioActivity Generate(
        ScenarioInventory inventory, int seed, int count, TimeSpan span, DateTimeOffset end, string purpose = ScenarioPurpose.Test)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var random = new Random(seed);
        var context = new ActivityContext(inventory, random, new ScenarioIds(seed, purpose, "activity"), end - span, end);
        var plan = AnomalyPlanter.CanPlant(inventory, count, span) ? AnomalyPlanter.Plant(context) : new PlantingPlan();
        var events = new List<SimulatedEvent>(Math.Max(count, plan.Events.Count));
        for (var i = 0; i < count - plan.Events.Count; i++)
        {
            var at = context.RandomTime();
            var roll = random.Next(100);
            events.Add(roll < 62 ? Usage(context, context.BenignUser(at), at: at) : roll < 92 ? SignIn(context, context.BenignUser(at), at: at) : BenignAudit(context, at));
        }

        events.AddRange(plan.Events);

        // Events reach the log in arrival order. About 2% of item usages arrive late (clients sync when they come
        // back online): up to a day after they happened, so they sit after newer events.
        var ordered = events
            .Select(e => (Event: e, Arrival: e is SimulatedItemUsage && random.Next(50) == 0 ? e.Timestamp + TimeSpan.FromHours(random.Next(1, 24)) : e.Timestamp))
            .OrderBy(e => e.Arrival)
            .Select(e => e.Event)
            .ToList();

        return new ScenarioActivity(ordered, plan.Anomalies)
        {
            NearMisses = plan.NearMisses,
            NotPlantable = AnomalyPlanter.NotPlantable,
            RuleParameters = plan.RuleParameters,
        };
    }

    internal static SimulatedItemUsage Usage(
        ActivityContext context, ScenarioUser? user = null, ScenarioItem? item = null, string? action = null, DateTimeOffset? at = null, ScenarioPlace? place = null, ScenarioClient? client = null)
    {
        var random = context.Random;
        user ??= context.Inventory.Users[random.Next(context.Inventory.Users.Count)];
        var usedItem = item ?? context.ItemFor(user);
        client ??= user.Clients[random.Next(user.Clients.Count)];
        return new SimulatedItemUsage(
            context.Ids.UpperUuid(), at ?? context.RandomTime(), Math.Max(1, usedItem.Version - random.Next(3)), usedItem.VaultId, usedItem.Id,
            action ?? UsageActions[random.Next(UsageActions.Length)], user, client, place ?? user.HomePlace, context.Inventory.AccountUuid);
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
        ActivityContext context, ScenarioUser actor, string action, string objectType, string objectUuid,
        ScenarioUser? objectUser = null, ScenarioUser? auxUser = null, string? auxInfo = null, DateTimeOffset? at = null)
    {
        var random = context.Random;
        var when = at ?? context.RandomTime();
        return new SimulatedAuditEvent(
            context.Ids.UpperUuid(), when, actor, action, objectType, objectUuid, objectUser,
            auxUser is null ? null : random.Next(1_000_000, 9_999_999), auxUser?.Uuid, auxUser, auxInfo,
            context.Ids.UpperUuid(), when.AddMinutes(-random.Next(5, 120)), context.Ids.LowerUuid(), actor.HomePlace, context.Inventory.AccountUuid);
    }

    /// <summary>
    /// Everyday administration: access grants and revocations, group joins, vault and item edits, device
    /// re-authorisations. Never on oneself (that is self-granted access), never on the watch-listed vault or group,
    /// never a revocation of a vault the person still works in (their next use would be use after revocation), and
    /// never on the people whose access the planter changes.
    /// </summary>
    private static SimulatedAuditEvent BenignAudit(ActivityContext context, DateTimeOffset at)
    {
        var random = context.Random;
        var inventory = context.Inventory;
        var actor = context.Admins[random.Next(context.Admins.Count)];
        var subject = context.BenignSubject(actor, at);
        var vaults = inventory.Vaults.Where(v => v.Id != context.PrivilegedVault.Id).DefaultIfEmpty(inventory.Vaults[0]).ToList();
        var vault = vaults[random.Next(vaults.Count)];
        var kind = random.Next(6);
        if (subject is not null && kind == 1)
        {
            var notWorkedIn = vaults.Where(v => !context.VaultsOf(subject).Contains(v.Id)).ToList();
            if (notWorkedIn.Count > 0)
            {
                return Audit(context, actor, "revoke", "uva", notWorkedIn[random.Next(notWorkedIn.Count)].Id, auxUser: subject, at: at);
            }
        }

        return (kind, subject) switch
        {
            (0, not null) => Audit(context, actor, "grant", "uva", vault.Id, auxUser: subject, auxInfo: "R", at: at),
            (2, not null) => Audit(context, actor, "join", "gm", context.Groups[random.Next(context.Groups.Count)], auxUser: subject, auxInfo: "R", at: at),
            (4, _) => Audit(context, actor, "create", "item", inventory.Items[random.Next(inventory.Items.Count)].Id, at: at),
            (5, _) => Audit(context, actor, "reauth", "device", context.Ids.LowerUuid(), at: at),
            _ => Audit(context, actor, "update", "vault", vault.Id, at: at),
        };
    }
}
