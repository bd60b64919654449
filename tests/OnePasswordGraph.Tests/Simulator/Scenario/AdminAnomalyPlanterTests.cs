using OnePasswordGraph.Simulator.Events;
using static OnePasswordGraph.Tests.Simulator.Scenario.ScenarioEvents;

namespace OnePasswordGraph.Tests.Simulator.Scenario;

/// <summary>The planted admin changes and near misses: the actors, codes and order the admin rules key on.</summary>
public sealed class AdminAnomalyPlanterTests
{
    [Fact]
    public void SelfGrantAndSelfJoin_AuxUserIsTheActor()
    {
        var (_, activity) = Generate();
        var grant = Assert.IsType<SimulatedAuditEvent>(Assert.Single(EventsOf(activity, Planted(activity, "self-granted-vault-access"))));
        var join = Assert.IsType<SimulatedAuditEvent>(Assert.Single(EventsOf(activity, Planted(activity, "self-joined-group"))));
        var thenUse = EventsOf(activity, Planted(activity, "self-granted-vault-access-then-use"));
        var grantThenUse = Assert.IsType<SimulatedAuditEvent>(thenUse[0]);

        Assert.Equal(("grant", "uva"), (grant.Action, grant.ObjectType));
        Assert.Equal(grant.Actor.Uuid, grant.AuxUuid);
        Assert.Equal(("join", "gm"), (join.Action, join.ObjectType));
        Assert.Equal(join.Actor.Uuid, join.AuxUuid);
        Assert.Equal(grantThenUse.Actor.Uuid, grantThenUse.AuxUuid);
        Assert.All(thenUse.Skip(1).Cast<SimulatedItemUsage>(), use =>
        {
            Assert.Equal(grantThenUse.ObjectUuid, use.VaultUuid);
            Assert.Equal(grantThenUse.Actor, use.User);
            Assert.InRange(use.Timestamp - grantThenUse.Timestamp, TimeSpan.Zero, TimeSpan.FromHours(1));
        });

        // The plain self-grant's vault is never used by its grantee, so it is not also a grant-then-use.
        Assert.DoesNotContain(activity.Events.OfType<SimulatedItemUsage>(), u => u.User == grant.Actor && u.VaultUuid == grant.ObjectUuid);
    }

    [Fact]
    public void AdminChanges_UseTheDocumentedActionAndObjectTypeCodes()
    {
        var (inventory, activity) = Generate();
        (string Action, string ObjectType) Code(string ruleId) =>
            EventsOf(activity, Planted(activity, ruleId)).Cast<SimulatedAuditEvent>().Select(a => (a.Action, a.ObjectType)).First();

        Assert.Equal(("disblmfa", "account"), Code("mfa-disabled-account"));
        Assert.Equal(("updatmfa", "user"), Code("mfa-changed-user"));
        Assert.Equal("sso", Code("sso-config-changed").ObjectType);
        Assert.Equal(("updatfw", "account"), Code("firewall-rule-changed"));
        Assert.Equal(("create", "invite"), Code("manual-invite"));
        Assert.Equal(("grant", "uva"), Code("privileged-vault-permission-change"));
        Assert.Equal(("join", "gm"), Code("privileged-group-addition"));
        var tokens = EventsOf(activity, Planted(activity, "service-account-token-change")).Cast<SimulatedAuditEvent>().ToList();
        Assert.Equal(["create", "trename", "tverify", "trevoke"], tokens.Select(t => t.Action));
        Assert.Equal(["sa", "satoken", "satoken", "satoken"], tokens.Select(t => t.ObjectType));
        var deletions = EventsOf(activity, Planted(activity, "mass-item-deletion")).Cast<SimulatedAuditEvent>().ToList();
        Assert.True(deletions.Count >= 15);
        Assert.Single(deletions.Select(d => d.Actor).Distinct());
        Assert.All(deletions, d => Assert.Equal(("delete", "item"), (d.Action, d.ObjectType)));
        Assert.Equal(deletions.Count, deletions.Select(d => d.ObjectUuid).Distinct().Count());
        Assert.All(deletions, d => Assert.Contains(d.ObjectUuid, inventory.Items.Select(i => i.Id)));
    }

    [Fact]
    public void NearMisses_ReactivationAndRegrantComeBeforeTheActivity()
    {
        var (_, activity) = Generate();
        var reactivated = EventsOf(activity, activity.NearMisses.Single(n => n.RuleId == "suspended-user-active"));
        var regranted = EventsOf(activity, activity.NearMisses.Single(n => n.RuleId == "used-after-vault-access-revoked"));

        Assert.Equal(["suspend", "reactive"], reactivated.OfType<SimulatedAuditEvent>().Select(a => a.Action));
        Assert.Equal(["revoke", "grant"], regranted.OfType<SimulatedAuditEvent>().Select(a => a.Action));
        foreach (var events in new[] { reactivated, regranted })
        {
            var restored = events.OfType<SimulatedAuditEvent>().Last().Timestamp;
            var first = events.OfType<SimulatedAuditEvent>().First();
            var user = first.ObjectUser ?? first.AuxUser!;
            Assert.DoesNotContain(activity.Events, e => e.Timestamp >= first.Timestamp && e.Timestamp < restored && Involves(e, user) && !events.Contains(e));
            Assert.All(events.Where(e => e is not SimulatedAuditEvent), e => Assert.True(e.Timestamp > restored));
        }
    }
}
