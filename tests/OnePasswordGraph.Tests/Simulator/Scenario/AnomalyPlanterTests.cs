using OnePasswordGraph.Simulator.Events;
using static OnePasswordGraph.Tests.Simulator.Scenario.ScenarioEvents;

namespace OnePasswordGraph.Tests.Simulator.Scenario;

/// <summary>The planted anomalies: one per rule id of the built-in pack, each a real instance of the rule's pattern.</summary>
public sealed class AnomalyPlanterTests
{
    /// <summary>
    /// The rule ids of the built-in pack, copied literally from the shared rules contract ("The built-in pack: rule
    /// ids"): this list is the spec the scenario is held to.
    /// </summary>
    private static readonly string[] ContractRuleIds =
    [
        "item-export", "export-burst", "reveal-burst", "copy-burst", "signin-new-country", "signin-new-ip-and-client",
        "signin-unofficial-client", "failed-signin-burst-user", "failed-signin-spray-ip", "sensitive-item-accessed", "first-vault-access",
        "vault-export-by-new-or-leaving-user", "mfa-disabled-account", "mfa-changed-user", "sso-config-changed", "firewall-rule-changed",
        "self-granted-vault-access", "self-joined-group", "privileged-vault-permission-change", "privileged-group-addition",
        "service-account-token-change", "manual-invite", "mass-item-deletion",
        "self-granted-vault-access-then-use", "used-after-vault-access-revoked", "suspended-user-active", "dormant-user-returns",
        "dormant-user-mass-read", "item-not-in-inventory", "stream-silence", "sync-stale",
    ];

    [Theory]
    [InlineData(5000, 28)]
    [InlineData(900, 28)]
    [InlineData(20_000, 60)]
    public void Generate_EveryContractRuleIsPlantedOrNamedNotPlantable(int count, int days)
    {
        var (_, activity) = Generate(count: count, days: days);

        var planted = activity.Anomalies.Select(a => a.RuleId).ToHashSet(StringComparer.Ordinal);
        var notPlantable = activity.NotPlantable.Select(n => n.RuleId).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(31, ContractRuleIds.Length);
        Assert.Empty(planted.Intersect(notPlantable));
        Assert.Equal(ContractRuleIds.Order(StringComparer.Ordinal), planted.Union(notPlantable).Order(StringComparer.Ordinal));
        Assert.All(activity.NotPlantable, n => Assert.False(string.IsNullOrWhiteSpace(n.Reason)));
        Assert.All(activity.NearMisses, n => Assert.Contains(n.RuleId, ContractRuleIds));
        Assert.Equal(count, activity.Events.Count);
    }

    [Fact]
    public void Generate_EveryPlantedEventUuidIsAnEventOfTheScenario()
    {
        var (_, activity) = Generate();
        var uuids = activity.Events.Select(e => e.Uuid).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(activity.Events.Count, uuids.Count);
        Assert.All(activity.Anomalies.Concat(activity.NearMisses), anomaly =>
        {
            Assert.NotEmpty(anomaly.EventUuids);
            Assert.All(anomaly.EventUuids, uuid => Assert.Contains(uuid, uuids));
            Assert.False(string.IsNullOrWhiteSpace(anomaly.Description));
        });
        Assert.Empty(activity.Anomalies.SelectMany(a => a.EventUuids).Intersect(activity.NearMisses.SelectMany(n => n.EventUuids)));
    }

    [Fact]
    public void NewCountry_TheCountryIsNotInAnyOtherSuccessfulSignInOfThatUserWhoHasAHistory()
    {
        var (_, activity) = Generate(count: 900);
        var planted = Assert.IsType<SimulatedSignInAttempt>(Assert.Single(EventsOf(activity, Planted(activity, "signin-new-country"))));
        var others = activity.Events.OfType<SimulatedSignInAttempt>()
            .Where(s => s.TargetUser == planted.TargetUser && s.Uuid != planted.Uuid && s.Category == "success")
            .ToList();

        Assert.Equal("success", planted.Category);
        Assert.True(others.Count(s => s.Timestamp < planted.Timestamp) >= 15, $"only {others.Count} earlier successful sign-ins");
        Assert.DoesNotContain(planted.Place.Country, others.Select(s => s.Place.Country));
        Assert.Contains(planted.Client, others.Select(s => s.Client));
    }

    [Fact]
    public void NewAddressAndClient_BothAreNewForTheUserAndTheCountryIsNot()
    {
        var (_, activity) = Generate(count: 900);
        var planted = Assert.IsType<SimulatedSignInAttempt>(Assert.Single(EventsOf(activity, Planted(activity, "signin-new-ip-and-client"))));
        var earlier = activity.Events.Where(e => e.Timestamp < planted.Timestamp && Involves(e, planted.TargetUser)).ToList();
        var successes = earlier.OfType<SimulatedSignInAttempt>().Where(s => s.Category == "success").ToList();

        Assert.True(successes.Count >= 15);
        Assert.DoesNotContain(planted.Place.IpAddress, successes.Select(s => s.Place.IpAddress).Concat(earlier.OfType<SimulatedItemUsage>().Select(u => u.Place.IpAddress)));
        Assert.DoesNotContain(planted.Client.AppName, successes.Select(s => s.Client.AppName).Concat(earlier.OfType<SimulatedItemUsage>().Select(u => u.Client.AppName)));
        Assert.Contains(planted.Place.Country, successes.Select(s => s.Place.Country));
    }

    [Fact]
    public void Spray_OneAddressFailsForManyDifferentUsersAndNoOneElseUsesIt()
    {
        var (_, activity) = Generate(count: 900);
        var spray = EventsOf(activity, Planted(activity, "failed-signin-spray-ip")).Cast<SimulatedSignInAttempt>().ToList();
        var address = Assert.Single(spray.Select(s => s.Place.IpAddress).Distinct());

        Assert.True(spray.Select(s => s.TargetUser.Uuid).Distinct().Count() >= 15);
        Assert.All(spray, s => Assert.NotEqual("success", s.Category));
        Assert.True(spray.Max(s => s.Timestamp) - spray.Min(s => s.Timestamp) <= TimeSpan.FromMinutes(10));
        Assert.Equal(spray.Count, activity.Events.OfType<SimulatedSignInAttempt>().Count(s => s.Place.IpAddress == address));
    }

    [Theory]
    [InlineData(5000, 28)]
    [InlineData(900, 28)]
    [InlineData(50_000, 90)]
    public void Dormancy_NoEventInvolvesTheDormantUsersForMoreThan45DaysBeforeTheyReturn(int count, int days)
    {
        var (_, activity) = Generate(count: count, days: days);
        foreach (var ruleId in new[] { "dormant-user-returns", "dormant-user-mass-read" })
        {
            var returned = EventsOf(activity, Planted(activity, ruleId));
            var user = Assert.IsType<SimulatedSignInAttempt>(returned[0]).TargetUser;
            var back = returned.Min(e => e.Timestamp);
            var before = activity.Events.Where(e => Involves(e, user) && e.Timestamp < back).ToList();

            Assert.NotEmpty(before);
            Assert.True(back - before.Max(e => e.Timestamp) > TimeSpan.FromDays(45), $"{ruleId}: gap of {back - before.Max(e => e.Timestamp)}");
        }

        var reads = EventsOf(activity, Planted(activity, "dormant-user-mass-read")).OfType<SimulatedItemUsage>().ToList();
        Assert.True(reads.Select(r => r.ItemUuid).Distinct().Count() >= 10);
    }

    [Fact]
    public void Bursts_SitOnWeeksOfTheUsersOwnOrdinaryUse()
    {
        var (_, activity) = Generate(count: 900);
        foreach (var (ruleId, action, least) in new[] { ("reveal-burst", "reveal", 30), ("copy-burst", "secure-copy", 30), ("export-burst", "export", 15) })
        {
            var burst = EventsOf(activity, Planted(activity, ruleId)).Cast<SimulatedItemUsage>().ToList();
            var user = Assert.Single(burst.Select(b => b.User).Distinct());
            var start = burst.Min(b => b.Timestamp);
            var history = activity.Events.OfType<SimulatedItemUsage>().Where(u => u.User == user && u.Timestamp < start && u.Timestamp >= start - TimeSpan.FromDays(30)).ToList();

            Assert.True(burst.Count >= least && burst.All(b => b.Action == action), ruleId);
            Assert.True(burst.Max(b => b.Timestamp) - start <= TimeSpan.FromMinutes(10), ruleId);
            Assert.True(history.Count >= 30, $"{ruleId}: {history.Count} earlier usages");
            Assert.True(history.Select(h => h.Timestamp.Date).Distinct().Count() >= 10, $"{ruleId}: history on few days");
            Assert.True(history.Count(h => h.Action == action) * 5 < burst.Count, $"{ruleId}: the baseline rate is not far below the burst");
        }
    }

    [Fact]
    public void FirstVaultAccess_AUserWithHistoryUsesAVaultTheyNeverUsedBefore()
    {
        var (_, activity) = Generate(count: 900);
        var use = Assert.IsType<SimulatedItemUsage>(Assert.Single(EventsOf(activity, Planted(activity, "first-vault-access"))));
        var before = activity.Events.OfType<SimulatedItemUsage>().Where(u => u.User == use.User && u.Timestamp < use.Timestamp).ToList();

        Assert.True(before.Count >= 30);
        Assert.DoesNotContain(use.VaultUuid, before.Select(u => u.VaultUuid));
    }

    [Fact]
    public void SuspendedAndRevoked_TheOnlyLaterActivityIsThePlantedOne()
    {
        var (_, activity) = Generate();
        var suspended = EventsOf(activity, Planted(activity, "suspended-user-active"));
        var suspension = Assert.IsType<SimulatedAuditEvent>(suspended[0]);
        var afterSuspension = activity.Events.Where(e => e.Timestamp >= suspension.Timestamp && Involves(e, suspension.ObjectUser!)).ToList();

        Assert.Equal(("suspend", "user"), (suspension.Action, suspension.ObjectType));
        Assert.Equal(suspended.Select(e => e.Uuid).Order(StringComparer.Ordinal), afterSuspension.Select(e => e.Uuid).Order(StringComparer.Ordinal));
        Assert.Contains(suspended, e => e is SimulatedSignInAttempt { Category: "success" });

        var revoked = EventsOf(activity, Planted(activity, "used-after-vault-access-revoked"));
        var revocation = Assert.IsType<SimulatedAuditEvent>(revoked[0]);
        var use = Assert.IsType<SimulatedItemUsage>(revoked[1]);
        Assert.Equal(("revoke", "uva"), (revocation.Action, revocation.ObjectType));
        Assert.Equal((revocation.AuxUuid, revocation.ObjectUuid), (use.User.Uuid, use.VaultUuid));
        Assert.True(activity.Events.OfType<SimulatedItemUsage>().Count(u => u.User == use.User && u.VaultUuid == use.VaultUuid && u.Timestamp < revocation.Timestamp) >= 5);
        Assert.Equal([use.Uuid], activity.Events.OfType<SimulatedItemUsage>()
            .Where(u => u.User == use.User && u.VaultUuid == use.VaultUuid && u.Timestamp > revocation.Timestamp).Select(u => u.Uuid));
        Assert.DoesNotContain(activity.Events.OfType<SimulatedAuditEvent>(), a => a.AuxUuid == use.User.Uuid && a.ObjectUuid == use.VaultUuid && a.Action == "grant");
    }

    [Fact]
    public void JoinerAndLeaver_ExportWithin14DaysOfJoiningOrBeforeSuspension()
    {
        var (_, activity) = Generate();
        var examples = activity.Anomalies.Where(a => a.RuleId == "vault-export-by-new-or-leaving-user").Select(a => EventsOf(activity, a)).ToList();

        Assert.Equal(2, examples.Count);
        foreach (var example in examples)
        {
            var lifecycle = Assert.Single(example.OfType<SimulatedAuditEvent>());
            var exports = example.OfType<SimulatedItemUsage>().ToList();
            Assert.NotEmpty(exports);
            Assert.All(exports, e => Assert.Equal(("export", lifecycle.ObjectUuid), (e.Action, e.User.Uuid)));
            var distance = lifecycle.Action == "activate" ? exports.Min(e => e.Timestamp) - lifecycle.Timestamp : lifecycle.Timestamp - exports.Max(e => e.Timestamp);
            Assert.Contains(lifecycle.Action, new[] { "activate", "suspend" });
            Assert.InRange(distance, TimeSpan.Zero, TimeSpan.FromDays(14));
            if (lifecycle.Action == "activate")
            {
                Assert.DoesNotContain(activity.Events, e => e.Timestamp < lifecycle.Timestamp && Involves(e, lifecycle.ObjectUser!));
            }
        }
    }

    [Fact]
    public void WatchListsAndTags_TheExposedParameterValuesNameExactlyThePlantedExamples()
    {
        var (inventory, activity) = Generate();
        var parameters = activity.RuleParameters;

        var vault = parameters["privileged-vault-permission-change"]["privilegedVaults"];
        Assert.Contains(vault, inventory.Vaults.Select(v => v.Id));
        Assert.Equal(
            Planted(activity, "privileged-vault-permission-change").EventUuids,
            activity.Events.OfType<SimulatedAuditEvent>().Where(a => a.ObjectUuid == vault && a.ObjectType == "uva").Select(a => a.Uuid));

        var group = parameters["privileged-group-addition"]["privilegedGroups"];
        Assert.Equal(
            Planted(activity, "privileged-group-addition").EventUuids,
            activity.Events.OfType<SimulatedAuditEvent>().Where(a => a.ObjectUuid == group).Select(a => a.Uuid));

        var tag = parameters["sensitive-item-accessed"]["sensitiveTags"];
        var tagged = Assert.Single(inventory.Items, i => i.Tags.Contains(tag));
        Assert.Equal(
            Planted(activity, "sensitive-item-accessed").EventUuids,
            activity.Events.OfType<SimulatedItemUsage>().Where(u => u.ItemUuid == tagged.Id).Select(u => u.Uuid));

        Assert.Equal("true", parameters["manual-invite"]["provisioningAutomated"]);
        Assert.Equal(
            Planted(activity, "manual-invite").EventUuids,
            activity.Events.OfType<SimulatedAuditEvent>().Where(a => a.ObjectType == "invite").Select(a => a.Uuid));
    }

    [Fact]
    public void ItemNotInInventory_TheItemAndItsVaultAreUnknownToConnect()
    {
        var (inventory, activity) = Generate();
        var uses = EventsOf(activity, Planted(activity, "item-not-in-inventory")).Cast<SimulatedItemUsage>().ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.DoesNotContain(u.ItemUuid, inventory.Items.Select(i => i.Id)));
        Assert.All(uses, u => Assert.DoesNotContain(u.VaultUuid, inventory.Vaults.Select(v => v.Id)));
    }

    [Theory]
    [InlineData(10, 3000, 28)]
    [InlineData(40, 799, 28)]
    [InlineData(40, 3000, 13)]
    public void Generate_ScenarioTooSmall_PlantsNothingAndHoldsExactlyTheCount(int users, int count, int days)
    {
        var (_, activity) = Generate(count: count, days: days, users: users);

        Assert.Empty(activity.Anomalies);
        Assert.Empty(activity.NearMisses);
        Assert.Equal(count, activity.Events.Count);
        Assert.Equal(2, activity.NotPlantable.Count);
    }
}
