namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// Audit patterns of administration, with the action and object type codes of the Events API reference (sections
/// 1.9.5 and 1.9.6): account-wide and per-user MFA, SSO, firewall, service account tokens, invites, privileged vaults
/// and groups, self-granted access and group membership, mass deletion.
/// </summary>
internal static class AdminAnomalies
{
    public static void Plant(ActivityContext context, ScenarioCast cast, PlantingPlan plan)
    {
        var owner = cast.Owner;
        var account = context.Inventory.AccountUuid;
        plan.Anomaly(
            "mfa-disabled-account",
            $"{owner.Name} disables MFA for the whole account (disblmfa on account {account})",
            [ActivityGenerator.Audit(context, owner, "disblmfa", "account", account, at: AnomalyPlanter.At(context, 2, 1))]);
        plan.Anomaly(
            "mfa-changed-user",
            $"{owner.Name} changes the MFA settings of {cast.MfaUser.Name} (updatmfa on user {cast.MfaUser.Uuid})",
            [ActivityGenerator.Audit(context, owner, "updatmfa", "user", cast.MfaUser.Uuid, objectUser: cast.MfaUser, at: AnomalyPlanter.At(context, 2, 2))]);
        var sso = context.Ids.LowerUuid();
        plan.Anomaly(
            "sso-config-changed",
            $"{owner.Name} changes the SSO configuration (chngpsso on sso {sso})",
            [ActivityGenerator.Audit(context, owner, "chngpsso", "sso", sso, at: AnomalyPlanter.At(context, 2, 3))]);
        plan.Anomaly(
            "firewall-rule-changed",
            $"{owner.Name} changes the firewall rules (updatfw on account {account})",
            [ActivityGenerator.Audit(context, owner, "updatfw", "account", account, at: AnomalyPlanter.At(context, 2, 4))]);

        // A service account is a user of its own kind; its token is the object of the token actions.
        var serviceAccount = context.Ids.UpperUuid();
        var token = context.Ids.LowerUuid();
        var tokens = AnomalyPlanter.At(context, 2, 5);
        plan.Anomaly(
            "service-account-token-change",
            $"{owner.Name} creates service account {serviceAccount}, then renames, verifies and revokes its token {token}",
            [
                ActivityGenerator.Audit(context, owner, "create", "sa", serviceAccount, at: tokens),
                ActivityGenerator.Audit(context, owner, "trename", "satoken", token, at: tokens.AddMinutes(5)),
                ActivityGenerator.Audit(context, owner, "tverify", "satoken", token, at: tokens.AddMinutes(6)),
                ActivityGenerator.Audit(context, owner, "trevoke", "satoken", token, at: tokens.AddMinutes(40)),
            ]);

        var invite = context.Ids.LowerUuid();
        plan.Anomaly(
            "manual-invite",
            $"{owner.Name} invites a person by hand (create on invite {invite}) in an account whose provisioning is automated",
            [ActivityGenerator.Audit(context, owner, "create", "invite", invite, at: AnomalyPlanter.At(context, 2, 6))]);
        plan.Parameter("manual-invite", "provisioningAutomated", "true");

        var privileged = context.PrivilegedVault;
        plan.Anomaly(
            "privileged-vault-permission-change",
            $"{owner.Name} grants {cast.VaultGrantee.Name} access to the privileged vault {privileged.Name} ({privileged.Id})",
            [ActivityGenerator.Audit(context, owner, "grant", "uva", privileged.Id, auxUser: cast.VaultGrantee, auxInfo: "R", at: AnomalyPlanter.At(context, 2, 7))]);
        plan.Parameter("privileged-vault-permission-change", "privilegedVaults", privileged.Id);

        plan.Anomaly(
            "privileged-group-addition",
            $"{owner.Name} adds {cast.GroupAddee.Name} to the privileged group {context.PrivilegedGroup}",
            [ActivityGenerator.Audit(context, owner, "join", "gm", context.PrivilegedGroup, auxUser: cast.GroupAddee, auxInfo: "R", at: AnomalyPlanter.At(context, 2, 8))]);
        plan.Parameter("privileged-group-addition", "privilegedGroups", context.PrivilegedGroup);

        // A vault the admin never worked in, so no later use of it blurs this into the grant-then-use pattern.
        var granter = cast.SelfGranter;
        var taken = AnomalyPlanter.VaultNotWorkedIn(context, granter);
        plan.Anomaly(
            "self-granted-vault-access",
            $"{granter.Name} grants themself access to {taken.Name} ({taken.Id}) and does not use it",
            [ActivityGenerator.Audit(context, granter, "grant", "uva", taken.Id, auxUser: granter, auxInfo: "R", at: AnomalyPlanter.At(context, 2, 9))]);

        var group = context.Groups[0];
        plan.Anomaly(
            "self-joined-group",
            $"{granter.Name} adds themself to group {group}",
            [ActivityGenerator.Audit(context, granter, "join", "gm", group, auxUser: granter, auxInfo: "R", at: AnomalyPlanter.At(context, 2, 10))]);

        var deleter = cast.Deleter;
        var deleted = context.ItemsOf(deleter).Take(15).ToList();
        var deleting = AnomalyPlanter.At(context, 2, 12);
        var vaults = string.Join(", ", deleted.Select(i => i.VaultId).Distinct(StringComparer.Ordinal).Select(v => AnomalyPlanter.VaultName(context, v)));
        plan.Anomaly(
            "mass-item-deletion",
            $"{deleter.Name} deletes {deleted.Count} items of {vaults} within 8 minutes (delete on item)",
            deleted.Select((item, i) => ActivityGenerator.Audit(context, deleter, "delete", "item", item.Id, at: deleting.AddSeconds(i * 30))));
    }
}
