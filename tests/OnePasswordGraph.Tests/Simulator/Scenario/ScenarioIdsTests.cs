using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using static OnePasswordGraph.Tests.Simulator.Scenario.ScenarioEvents;

namespace OnePasswordGraph.Tests.Simulator.Scenario;

/// <summary>Identifiers come from the seed and the purpose: purposes never share one, and a seed and purpose always give the same ones.</summary>
public sealed class ScenarioIdsTests
{
    [Fact]
    public void Generate_TwoPurposesWithTheSameSeed_ShareNoIdentifierButTheSameContent()
    {
        var demo = Generate(seed: 42, purpose: ScenarioPurpose.Demo);
        var simulator = Generate(seed: 42, purpose: ScenarioPurpose.Simulator);

        Assert.Empty(Identifiers(demo).Intersect(Identifiers(simulator)));
        Assert.Equal(demo.Inventory.Users.Select(u => u.Email), simulator.Inventory.Users.Select(u => u.Email));
        Assert.Equal(demo.Inventory.Items.Select(i => i.Title), simulator.Inventory.Items.Select(i => i.Title));
        Assert.Equal(demo.Activity.Anomalies.Select(a => a.RuleId), simulator.Activity.Anomalies.Select(a => a.RuleId));
        Assert.Equal(demo.Activity.Events.Select(e => e.Timestamp), simulator.Activity.Events.Select(e => e.Timestamp));
    }

    [Fact]
    public void Generate_SameSeedAndPurpose_GivesTheSameScenario()
    {
        var first = Generate(seed: 7, purpose: ScenarioPurpose.Demo);
        var second = Generate(seed: 7, purpose: ScenarioPurpose.Demo);

        Assert.Equal(Identifiers(first).Order(StringComparer.Ordinal), Identifiers(second).Order(StringComparer.Ordinal));
        Assert.Equal(first.Activity.Events.Select(e => (e.Uuid, e.Timestamp)), second.Activity.Events.Select(e => (e.Uuid, e.Timestamp)));
        Assert.Equal(first.Activity.Anomalies, second.Activity.Anomalies, (a, b) => a.RuleId == b.RuleId && a.Description == b.Description && a.EventUuids.SequenceEqual(b.EventUuids));
        Assert.Equal(first.Inventory.SecretCanaries, second.Inventory.SecretCanaries);
    }

    [Fact]
    public void Generate_InventoryAndActivityOfOneScenario_NeverReuseAnIdentifier()
    {
        var (inventory, activity) = Generate(seed: 3, count: 20_000);
        var inventoryIds = new[] { inventory.AccountUuid }.Concat(inventory.Users.Select(u => u.Uuid)).Concat(inventory.Vaults.Select(v => v.Id)).Concat(inventory.Items.Select(i => i.Id)).ToList();

        Assert.Equal(inventoryIds.Count, inventoryIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(activity.Events.Select(e => e.Uuid).Intersect(inventoryIds));
        Assert.Equal(activity.Events.Count, activity.Events.Select(e => e.Uuid).Distinct(StringComparer.Ordinal).Count());
    }

    private static HashSet<string> Identifiers((ScenarioInventory Inventory, ScenarioActivity Activity) scenario)
    {
        var (inventory, activity) = scenario;
        var ids = new HashSet<string>(StringComparer.Ordinal) { inventory.AccountUuid };
        ids.UnionWith(inventory.Users.Select(u => u.Uuid));
        ids.UnionWith(inventory.Vaults.Select(v => v.Id));
        ids.UnionWith(inventory.Items.Select(i => i.Id));
        foreach (var e in activity.Events)
        {
            ids.Add(e.Uuid);
            switch (e)
            {
                case SimulatedItemUsage usage:
                    ids.Add(usage.ItemUuid);
                    ids.Add(usage.VaultUuid);
                    break;
                case SimulatedSignInAttempt signIn:
                    ids.Add(signIn.SessionUuid);
                    break;
                case SimulatedAuditEvent audit:
                    ids.Add(audit.ObjectUuid);
                    ids.Add(audit.SessionUuid);
                    ids.Add(audit.DeviceUuid);
                    break;
            }
        }

        return ids;
    }
}
