using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Tests.Simulator.Scenario;

/// <summary>Generates the scenarios the tests read, and answers who an event involves.</summary>
internal static class ScenarioEvents
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public static (ScenarioInventory Inventory, ScenarioActivity Activity) Generate(
        int seed = 42, int count = 5000, int days = 28, string purpose = ScenarioPurpose.Test, int users = 40)
    {
        var inventory = InventoryGenerator.Generate(seed, users: users, now: Now, purpose: purpose);
        return (inventory, ActivityGenerator.Generate(inventory, seed, count, TimeSpan.FromDays(days), Now, purpose));
    }

    /// <summary>Gets every user an event names: the user of a usage, the target of a sign-in, an audit event's actor, object and aux user.</summary>
    public static IEnumerable<string> Users(SimulatedEvent e) => e switch
    {
        SimulatedItemUsage u => [u.User.Uuid],
        SimulatedSignInAttempt s => [s.TargetUser.Uuid],
        SimulatedAuditEvent a => new[] { a.Actor.Uuid, a.ObjectUser?.Uuid, a.AuxUuid }.OfType<string>(),
        _ => [],
    };

    public static bool Involves(SimulatedEvent e, ScenarioUser user) => Users(e).Contains(user.Uuid);

    public static ISet<string> PlantedUuids(ScenarioActivity activity) =>
        activity.Anomalies.Concat(activity.NearMisses).SelectMany(a => a.EventUuids).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<SimulatedEvent> EventsOf(ScenarioActivity activity, PlantedAnomaly anomaly)
    {
        var byUuid = activity.Events.ToDictionary(e => e.Uuid, StringComparer.Ordinal);
        return anomaly.EventUuids.Select(u => byUuid[u]).ToList();
    }

    public static PlantedAnomaly Planted(ScenarioActivity activity, string ruleId) => activity.Anomalies.First(a => a.RuleId == ruleId);
}
