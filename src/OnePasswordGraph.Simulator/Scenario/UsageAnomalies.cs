namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>Item usage patterns: exports, bursts against the user's own baseline, sensitive items, first use of a vault, items Connect cannot see.</summary>
internal static class UsageAnomalies
{
    public static void Plant(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        var historyStart = AnomalyPlanter.HistoryStart(context);

        // The burst rules compare with the user's own rate and skip users without enough history: four weeks of
        // ordinary use (the benign generator adds more in larger scenarios), none of it an export.
        foreach (var user in new[] { cast.Revealer, cast.Copier, cast.Exporter, cast.Explorer })
        {
            plan.Support(AnomalyPlanter.Ordinary(context, user, usages: 30, signIns: 5, historyStart, AnomalyPlanter.At(context, 5)));
        }

        Burst(context, plan, "reveal-burst", cast.Revealer, "reveal", 30, AnomalyPlanter.At(context, 4, 1), "reveals");
        Burst(context, plan, "copy-burst", cast.Copier, "secure-copy", 30, AnomalyPlanter.At(context, 4, 3), "copies");
        Burst(context, plan, "export-burst", cast.Exporter, "export", 15, AnomalyPlanter.At(context, 4, 5), "exports");

        var exported = context.ItemsOf(cast.SingleExporter)[0];
        plan.Anomaly(
            "item-export",
            $"{cast.SingleExporter.Name} exports '{exported.Title}' ({exported.Id}) from {AnomalyPlanter.VaultName(context, exported.VaultId)}",
            [ActivityGenerator.Usage(context, cast.SingleExporter, exported, "export", AnomalyPlanter.At(context, 4, 7))]);

        // Only this item carries the tag, and benign usage leaves it alone.
        var jewel = context.Inventory.Items.First(i => i.Tags.Contains(ScenarioCatalog.CrownJewelTag));
        plan.Anomaly(
            "sensitive-item-accessed",
            $"{cast.Sensitive.Name} reveals '{jewel.Title}' ({jewel.Id}), the one item tagged '{ScenarioCatalog.CrownJewelTag}', in {AnomalyPlanter.VaultName(context, jewel.VaultId)}",
            [ActivityGenerator.Usage(context, cast.Sensitive, jewel, "reveal", AnomalyPlanter.At(context, 3, 8))]);
        plan.Parameter("sensitive-item-accessed", "sensitiveTags", ScenarioCatalog.CrownJewelTag);

        var elsewhere = AnomalyPlanter.VaultNotWorkedIn(context, cast.Explorer, jewel.VaultId);
        var strange = AnomalyPlanter.ItemsIn(context, elsewhere.Id)[0];
        plan.Anomaly(
            "first-vault-access",
            $"{cast.Explorer.Name}, after weeks in their own vaults, fills '{strange.Title}' from {elsewhere.Name} ({elsewhere.Id}), a vault they never used",
            [ActivityGenerator.Usage(context, cast.Explorer, strange, "fill", AnomalyPlanter.At(context, 3, 9))]);

        var hidden = new ScenarioItem(
            context.Ids.LowerUuid(), context.Ids.LowerUuid(), "not visible to Connect", "LOGIN", [], [], false, 3, null, context.End, context.End, cast.Owner.Uuid, [], [], []);
        var users = cast.Bystanders.Take(3).ToList();
        plan.Anomaly(
            "item-not-in-inventory",
            $"{string.Join(", ", users.Select(u => u.Name))} fill item {hidden.Id} of vault {hidden.VaultId}, which the Connect token cannot see",
            users.Select((user, i) => ActivityGenerator.Usage(context, user, hidden, "fill", AnomalyPlanter.At(context, 1, 5).AddMinutes(i))));
    }

    private static void Burst(ActivityContext context, PlantingPlan plan, string ruleId, ScenarioUser user, string action, int count, DateTimeOffset at, string what)
    {
        // Distinct items where the vaults hold enough, all within ten minutes.
        var items = context.ItemsOf(user);
        var step = TimeSpan.FromMinutes(10) / count;
        var used = Enumerable.Range(0, count).Select(i => items[i % items.Count]).ToList();
        var vaults = string.Join(", ", used.Select(i => i.VaultId).Distinct(StringComparer.Ordinal).Select(v => AnomalyPlanter.VaultName(context, v)));
        plan.Anomaly(
            ruleId,
            $"{user.Name} {what} {count} items ({used.Distinct().Count()} distinct, in {vaults}) within 10 minutes, after weeks of ordinary use",
            used.Select((item, i) => ActivityGenerator.Usage(context, user, item, action, at + (step * i))));
    }
}
