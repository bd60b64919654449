using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using static OnePasswordGraph.Tests.Simulator.Scenario.ScenarioEvents;

namespace OnePasswordGraph.Tests.Simulator.Scenario;

/// <summary>The benign activity: plausible, and free of the patterns of high and critical rules.</summary>
public sealed class ActivityGeneratorTests
{
    [Theory]
    [InlineData(5000, 28)]
    [InlineData(100_000, 90)]
    public void Generate_BenignAuditEvents_NeverGrantOrJoinOnesOwnBehalfNorTouchTheWatchLists(int count, int days)
    {
        var (_, activity) = Generate(count: count, days: days);
        var benign = Benign(activity).OfType<SimulatedAuditEvent>().ToList();
        var watched = activity.RuleParameters.Values.SelectMany(p => p.Values).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(benign);
        Assert.DoesNotContain(benign, a => a.AuxUuid == a.Actor.Uuid);
        Assert.DoesNotContain(benign, a => watched.Contains(a.ObjectUuid));
        Assert.DoesNotContain(benign, a => a.Action is "disblmfa" or "enblmfa" or "updatmfa" or "suspend" or "reactive" or "activate" or "delete" or "updatfw" or "trename" or "tverify" or "trevoke");
        Assert.DoesNotContain(benign, a => a.ObjectType is "sso" or "satoken" or "sa" or "invite" or "account" or "user");
    }

    [Theory]
    [InlineData(5000, 28)]
    [InlineData(100_000, 90)]
    public void Generate_BenignRevocations_AreOfVaultsThePersonNeverUsesAfterwards(int count, int days)
    {
        var (_, activity) = Generate(count: count, days: days);
        var usages = activity.Events.OfType<SimulatedItemUsage>().ToLookup(u => (u.User.Uuid, u.VaultUuid));
        var revocations = Benign(activity).OfType<SimulatedAuditEvent>().Where(a => a.Action == "revoke").ToList();

        Assert.NotEmpty(revocations);
        Assert.All(revocations, revoke => Assert.DoesNotContain(usages[(revoke.AuxUuid!, revoke.ObjectUuid)], u => u.Timestamp > revoke.Timestamp));
    }

    [Theory]
    [InlineData(5000, 28)]
    [InlineData(100_000, 90)]
    public void Generate_BenignUsages_HoldNoExportsAndNoSignInFromAnotherCountry(int count, int days)
    {
        var (inventory, activity) = Generate(count: count, days: days);
        var benign = Benign(activity).ToList();

        Assert.DoesNotContain(benign.OfType<SimulatedItemUsage>(), u => u.Action == "export");
        Assert.All(benign.OfType<SimulatedSignInAttempt>(), s => Assert.Equal(s.TargetUser.HomePlace, s.Place));
        Assert.All(benign.OfType<SimulatedSignInAttempt>(), s => Assert.Contains(s.Client, s.TargetUser.Clients));
        Assert.DoesNotContain(benign.OfType<SimulatedItemUsage>(), u => u.ItemUuid == inventory.Items[0].Id);
    }

    [Fact]
    public void Generate_FailedSignInsByAddress_NeverReachManyPeopleWithinAnHourOutsideTheSpray()
    {
        var (_, activity) = Generate(count: 100_000, days: 90);
        var spray = Planted(activity, "failed-signin-spray-ip").EventUuids.ToHashSet(StringComparer.Ordinal);
        var failures = activity.Events.OfType<SimulatedSignInAttempt>().Where(s => !spray.Contains(s.Uuid) && s.Category is not ("success" or "firewall_reported_success"));

        var widest = failures
            .GroupBy(s => (s.Place.IpAddress, Hour: s.Timestamp.ToUnixTimeSeconds() / 3600))
            .Max(g => g.Select(s => s.TargetUser.Uuid).Distinct().Count());

        Assert.True(widest <= 2, $"{widest} people failed from one address within an hour");
    }

    [Fact]
    public void Generate_EveryPersonHasOwnAddress_AndEventsStayWithinTheSpanExceptTheDormantHistory()
    {
        var (inventory, activity) = Generate();

        Assert.Equal(inventory.Users.Count, inventory.Users.Select(u => u.HomePlace.IpAddress).Distinct().Count());
        Assert.All(activity.Events, e => Assert.True(e.Timestamp <= Now));
        Assert.Equal(Now - TimeSpan.FromDays(50), activity.EarliestTimestamp!.Value, TimeSpan.FromDays(2));
        var early = activity.Events.Where(e => e.Timestamp < Now - TimeSpan.FromDays(28)).SelectMany(Users).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(2, early.Count);
    }

    private static IEnumerable<SimulatedEvent> Benign(ScenarioActivity activity)
    {
        var planted = PlantedUuids(activity);
        return activity.Events.Where(e => !planted.Contains(e.Uuid));
    }
}
