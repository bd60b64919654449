using System.Collections.ObjectModel;
using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Plants one example (or more) of every alert rule of the built-in pack that events can trigger, each with the
/// events that are its evidence, plus the ordinary history the baselines need and a few near misses. The patterns
/// follow the rules' descriptions in the shared rules contract: a user's burst sits on weeks of ordinary use, a new
/// country is one that user never signed in from, the spray is one address across many people, a dormant user has
/// older activity, then nothing for longer than any sensible dormancy threshold, then activity. The planted events
/// lie in the last days of the span, except the dormant users' older activity, which lies 48 to 50 days before the
/// end so that the gap exceeds a 30- or 45-day threshold whatever the span.
/// </summary>
internal static class AnomalyPlanter
{
    /// <summary>Three admins, the cast, and enough bystanders for a spray across 15 people.</summary>
    public const int MinimumUsers = 30;

    /// <summary>The plan adds about 450 events; at least as many again stay benign.</summary>
    public const int MinimumEvents = 800;

    /// <summary>Several patterns need a vault the person never worked in, none of them the watch-listed one.</summary>
    public const int MinimumVaults = 6;

    /// <summary>Gets the shortest span that holds weeks of baseline before the planted days.</summary>
    public static TimeSpan MinimumSpan { get; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Gets the built-in rules that watch ingestion health rather than 1Password activity. No event plants them: they
    /// are exercised by the sync state the sync writes (a stream's newest event time and run outcomes, an account's
    /// last successful run), which tests of those rules set up directly.
    /// </summary>
    public static IReadOnlyList<NotPlantableRule> NotPlantable { get; } = new ReadOnlyCollection<NotPlantableRule>(
    [
        new("stream-silence", "Ingestion health: an Events stream with nothing new while the account's syncs succeed. It reads the sync state (a stream's newest event time and run outcomes), which no planted event can produce."),
        new("sync-stale", "Ingestion health: an account whose last successful sync is too old. It reads the sync state (when the last successful run finished), not events."),
    ]);

    public static bool CanPlant(ScenarioInventory inventory, int count, TimeSpan span) =>
        inventory.Users.Count >= MinimumUsers && inventory.Vaults.Count >= MinimumVaults && count >= MinimumEvents && span >= MinimumSpan;

    public static PlantingPlan Plant(ActivityContext context)
    {
        var cast = new ScenarioCast(context);
        foreach (var member in cast.Members)
        {
            context.Reserve(member);
        }

        var plan = new PlantingPlan();
        UsageAnomalies.Plant(context, cast, plan);
        SignInAnomalies.Plant(context, cast, plan);
        AdminAnomalies.Plant(context, cast, plan);
        AccessAnomalies.Plant(context, cast, plan);
        return plan;
    }

    /// <summary>The time <paramref name="days"/> days before the end of the scenario, plus <paramref name="hours"/>.</summary>
    public static DateTimeOffset At(ActivityContext context, double days, double hours = 0) =>
        context.End - TimeSpan.FromDays(days) + TimeSpan.FromHours(hours);

    /// <summary>Gets when baseline history begins: four weeks before the end, or the start of a shorter span.</summary>
    public static DateTimeOffset HistoryStart(ActivityContext context) =>
        context.Start > context.End - TimeSpan.FromDays(28) ? context.Start : context.End - TimeSpan.FromDays(28);

    /// <summary>
    /// Ordinary use by <paramref name="user"/> between <paramref name="from"/> and <paramref name="to"/>: items of their
    /// vaults with the everyday mix of actions (never an export), and successful sign-ins from home with their clients.
    /// </summary>
    public static IEnumerable<SimulatedEvent> Ordinary(
        ActivityContext context, ScenarioUser user, int usages, int signIns, DateTimeOffset from, DateTimeOffset to)
    {
        var events = new List<SimulatedEvent>(usages + signIns);
        for (var i = 0; i < usages; i++)
        {
            events.Add(ActivityGenerator.Usage(context, user, at: context.RandomTime(from, to)));
        }

        for (var i = 0; i < signIns; i++)
        {
            events.Add(ActivityGenerator.SignIn(context, user, "success", "credentials_ok", at: context.RandomTime(from, to)));
        }

        return events;
    }

    /// <summary>Gets a vault <paramref name="user"/> does not work in, other than the watch-listed one and <paramref name="taken"/>.</summary>
    public static ScenarioVault VaultNotWorkedIn(ActivityContext context, ScenarioUser user, params string[] taken)
    {
        var candidates = context.Inventory.Vaults
            .Where(v => v.Id != context.PrivilegedVault.Id && !taken.Contains(v.Id) && !context.VaultsOf(user).Contains(v.Id))
            .ToList();
        return candidates.Count > 0 ? candidates[0] : context.Inventory.Vaults.First(v => v.Id != context.PrivilegedVault.Id);
    }

    public static IReadOnlyList<ScenarioItem> ItemsIn(ActivityContext context, string vaultId) =>
        context.Inventory.Items.Where(i => i.VaultId == vaultId && !i.Tags.Contains(ScenarioCatalog.CrownJewelTag)).ToList();

    public static string VaultName(ActivityContext context, string vaultId) =>
        context.Inventory.Vaults.FirstOrDefault(v => v.Id == vaultId)?.Name ?? vaultId;
}
