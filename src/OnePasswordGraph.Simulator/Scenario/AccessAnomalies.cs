namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Patterns that join audit events with later activity, which only a graph sees: access granted or revoked and then
/// used, suspension then activity, exports around joining and leaving, dormancy then a return. Each keeps the benign
/// activity out of the way (quiet periods, vaults no longer worked in), and two near misses show the exceptions the
/// rules must respect (reactivated before the sign-in, access granted again before the use).
/// </summary>
internal static class AccessAnomalies
{
    public static void Plant(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        var owner = cast.Owner;
        GrantThenUse(context, cast, plan);
        UseAfterRevocation(context, cast, plan);

        var suspension = AnomalyPlanter.At(context, 5);
        context.Quiet(cast.Suspended, suspension, DateTimeOffset.MaxValue);
        var item = context.ItemsOf(cast.Suspended)[0];
        plan.Anomaly(
            "suspended-user-active",
            $"{owner.Name} suspends {cast.Suspended.Name}, who signs in a day later and fills '{item.Title}' without being reactivated",
            [
                ActivityGenerator.Audit(context, owner, "suspend", "user", cast.Suspended.Uuid, objectUser: cast.Suspended, at: suspension),
                ActivityGenerator.SignIn(context, cast.Suspended, "success", "credentials_ok", at: AnomalyPlanter.At(context, 4, 2)),
                ActivityGenerator.Usage(context, cast.Suspended, item, "fill", AnomalyPlanter.At(context, 4, 2.1)),
            ]);

        JoinerAndLeaver(context, cast, plan);
        Dormancy(context, cast, plan);
        NearMisses(context, cast, plan);
    }

    private static void GrantThenUse(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        var admin = cast.Escalator;
        var vault = AnomalyPlanter.VaultNotWorkedIn(context, admin, AnomalyPlanter.VaultNotWorkedIn(context, cast.SelfGranter).Id);
        var items = AnomalyPlanter.ItemsIn(context, vault.Id).Take(3).ToList();
        var granted = AnomalyPlanter.At(context, 2, 11);
        plan.Anomaly(
            "self-granted-vault-access-then-use",
            $"{admin.Name} grants themself access to {vault.Name} ({vault.Id}) and within 30 minutes reveals {string.Join(", ", items.Select(i => $"'{i.Title}'"))}",
            [
                ActivityGenerator.Audit(context, admin, "grant", "uva", vault.Id, auxUser: admin, auxInfo: "R", at: granted),
                .. items.Select((i, n) => ActivityGenerator.Usage(context, admin, i, "reveal", granted.AddMinutes(10 + (5 * n)))),
            ]);
    }

    private static void UseAfterRevocation(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        // A vault the person really worked in: planted use of it before the revocation, and none by the benign
        // generator at all, so the only use after the revocation is the planted one.
        var user = cast.Revoked;
        var vault = context.VaultsOf(user).First(v => v != context.PrivilegedVault.Id);
        var items = AnomalyPlanter.ItemsIn(context, vault);
        var revoked = AnomalyPlanter.At(context, 2, 13);
        context.StopWorkingIn(user, vault);
        plan.Support(Enumerable.Range(0, 8).Select(i =>
            ActivityGenerator.Usage(context, user, items[i % items.Count], "fill", context.RandomTime(AnomalyPlanter.HistoryStart(context), AnomalyPlanter.At(context, 3)))));
        plan.Anomaly(
            "used-after-vault-access-revoked",
            $"{cast.Owner.Name} revokes {user.Name}'s access to {AnomalyPlanter.VaultName(context, vault)} ({vault}); two hours later {user.Name} fills '{items[0].Title}' from it",
            [
                ActivityGenerator.Audit(context, cast.Owner, "revoke", "uva", vault, auxUser: user, at: revoked),
                ActivityGenerator.Usage(context, user, items[0], "fill", revoked.AddHours(2)),
            ]);
    }

    private static void JoinerAndLeaver(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        // The joiner exists only from their activation on; an export a week later is within the 14 days.
        var joiner = cast.Joiner;
        var joined = AnomalyPlanter.At(context, 10);
        context.Quiet(joiner, DateTimeOffset.MinValue, joined);
        plan.Support(AnomalyPlanter.Ordinary(context, joiner, usages: 8, signIns: 4, joined.AddHours(1), AnomalyPlanter.At(context, 4)));
        var exported = context.ItemsOf(joiner).Take(4).ToList();
        var exporting = AnomalyPlanter.At(context, 3, 10);
        plan.Anomaly(
            "vault-export-by-new-or-leaving-user",
            $"{joiner.Name}, activated by {cast.Owner.Name} 7 days earlier, exports {exported.Count} items of {AnomalyPlanter.VaultName(context, exported[0].VaultId)}",
            [
                ActivityGenerator.Audit(context, cast.Owner, "activate", "user", joiner.Uuid, objectUser: joiner, at: joined),
                .. exported.Select((item, i) => ActivityGenerator.Usage(context, joiner, item, "export", exporting.AddMinutes(i))),
            ]);

        // The leaver exports, then is suspended 3 days later, and is not seen again.
        var leaver = cast.Leaver;
        var suspended = AnomalyPlanter.At(context, 6);
        context.Quiet(leaver, suspended, DateTimeOffset.MaxValue);
        var taken = context.ItemsOf(leaver).Take(3).ToList();
        var leaving = AnomalyPlanter.At(context, 9);
        plan.Anomaly(
            "vault-export-by-new-or-leaving-user",
            $"{leaver.Name} exports {taken.Count} items of {AnomalyPlanter.VaultName(context, taken[0].VaultId)}, then {cast.Owner.Name} suspends them 3 days later",
            [
                .. taken.Select((item, i) => ActivityGenerator.Usage(context, leaver, item, "export", leaving.AddMinutes(i))),
                ActivityGenerator.Audit(context, cast.Owner, "suspend", "user", leaver.Uuid, objectUser: leaver, at: suspended),
            ]);
    }

    private static void Dormancy(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        // Older activity 48 to 50 days before the end, then nothing (the benign generator keeps them quiet) until
        // the return in the last two days: a gap of more than 45 days, longer than any default dormancy threshold.
        var before = AnomalyPlanter.At(context, 50);
        var after = AnomalyPlanter.At(context, 48);
        var back = AnomalyPlanter.At(context, 1, 1);
        var dormant = cast.Dormant;
        context.Quiet(dormant, DateTimeOffset.MinValue, back);
        plan.Support(AnomalyPlanter.Ordinary(context, dormant, usages: 4, signIns: 2, before, after));
        var item = context.ItemsOf(dormant)[0];
        plan.Anomaly(
            "dormant-user-returns",
            $"{dormant.Name}, inactive for 47 days, signs in and fills '{item.Title}'",
            [
                ActivityGenerator.SignIn(context, dormant, "success", "credentials_ok", at: back),
                ActivityGenerator.Usage(context, dormant, item, "fill", back.AddMinutes(5)),
            ]);

        var reader = cast.DormantReader;
        var returned = AnomalyPlanter.At(context, 1, 3);
        context.Quiet(reader, DateTimeOffset.MinValue, returned);
        plan.Support(AnomalyPlanter.Ordinary(context, reader, usages: 4, signIns: 2, before, after));
        var read = context.ItemsOf(reader).Distinct().Take(15).ToList();
        string[] reads = ["reveal", "secure-copy", "fill"];
        plan.Anomaly(
            "dormant-user-mass-read",
            $"{reader.Name}, inactive for 47 days, signs in and reads {read.Count} distinct items within 30 minutes",
            [
                ActivityGenerator.SignIn(context, reader, "success", "credentials_ok", at: returned),
                .. read.Select((i, n) => ActivityGenerator.Usage(context, reader, i, reads[n % reads.Length], returned.AddMinutes(2 + (2 * n)))),
            ]);
    }

    private static void NearMisses(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        var owner = cast.Owner;
        var reactivated = cast.Reactivated;
        var suspended = AnomalyPlanter.At(context, 6, 2);
        var back = AnomalyPlanter.At(context, 5, 2);
        context.Quiet(reactivated, suspended, back);
        plan.NearMiss(
            "suspended-user-active",
            $"{owner.Name} suspends {reactivated.Name} and reactivates them a day later; only then do they sign in",
            [
                ActivityGenerator.Audit(context, owner, "suspend", "user", reactivated.Uuid, objectUser: reactivated, at: suspended),
                ActivityGenerator.Audit(context, owner, "reactive", "user", reactivated.Uuid, objectUser: reactivated, at: back),
                ActivityGenerator.SignIn(context, reactivated, "success", "credentials_ok", at: AnomalyPlanter.At(context, 4, 4)),
                ActivityGenerator.Usage(context, reactivated, at: AnomalyPlanter.At(context, 4, 4.1)),
            ]);

        var regranted = cast.Regranted;
        var vault = context.VaultsOf(regranted).First(v => v != context.PrivilegedVault.Id);
        var revoked = AnomalyPlanter.At(context, 6, 4);
        var granted = AnomalyPlanter.At(context, 5, 4);
        context.Quiet(regranted, revoked, granted);
        var item = AnomalyPlanter.ItemsIn(context, vault)[0];
        plan.NearMiss(
            "used-after-vault-access-revoked",
            $"{owner.Name} revokes {regranted.Name}'s access to {AnomalyPlanter.VaultName(context, vault)} and grants it again a day later; only then do they fill '{item.Title}'",
            [
                ActivityGenerator.Audit(context, owner, "revoke", "uva", vault, auxUser: regranted, at: revoked),
                ActivityGenerator.Audit(context, owner, "grant", "uva", vault, auxUser: regranted, auxInfo: "R", at: granted),
                ActivityGenerator.Usage(context, regranted, item, "fill", AnomalyPlanter.At(context, 4, 6)),
            ]);
    }
}
