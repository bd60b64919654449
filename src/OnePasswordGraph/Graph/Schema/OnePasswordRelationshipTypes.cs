using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.PropertySets;

namespace OnePasswordGraph.Graph.Schema;

/// <summary>The relationship types of the OnePasswordGraph data model (docs/data-model.md is generated from these).</summary>
public static class OnePasswordRelationshipTypes
{
    public static readonly RelationshipType UserPerformedItemUsage = Plain(User, "PERFORMED", ItemUsageEvent, "Who used the item.");

    public static readonly RelationshipType UserPerformedAuditEvent = Plain(User, "PERFORMED", AuditEvent, "The actor of the audit event.");

    public static readonly RelationshipType UserPerformedSignInAttempt = Plain(User, "PERFORMED", SignInAttemptEvent, "The target user of the sign-in attempt.");

    public static readonly RelationshipType AuditEventUpdatedUser = Plain(AuditEvent, "UPDATED", User, "The user an audit event acted on, or its aux user.");

    public static readonly RelationshipType AuditEventUpdatedVault = Plain(AuditEvent, "UPDATED", Vault, "The vault an audit event acted on.");

    public static readonly RelationshipType AuditEventUpdatedSecret = Plain(AuditEvent, "UPDATED", Secret, "The item an audit event acted on.");

    public static readonly RelationshipType UserPerformedVault = new(
        "one_password_user_performed_vault", User, "PERFORMED", Vault, "An actor acted on a vault (JupiterOne parity).",
        Join(RelationshipCommon, [Str("lastAction", "The latest audit action the actor took on the vault."), Int("lastActedOn", "When (epoch ms).")]));

    public static readonly RelationshipType VaultHasSecret = new(
        "one_password_vault_has_secret", Vault, "HAS", Secret, "Inventory: the vault holds the item.",
        Join(RelationshipCommon, [Str(GraphProperties.SyncTag, "The last run whose complete listing of the vault held the item.")]));

    public static readonly RelationshipType AccountHasUser = new(
        TypeName(Account, "HAS", User), Account, "HAS", User, "Scoping: the user appears in the account's events or Users API listing.",
        Join(RelationshipCommon, [Str(GraphProperties.SyncTag, "The last users step of this account whose complete listing held the user: the person's membership of this account. Absent while only events name them, and removed once a complete listing no longer holds them.")]));

    public static readonly RelationshipType AccountHasVault = new(
        "one_password_account_has_vault", Account, "HAS", Vault, "Scoping: the account owns the vault.",
        Join(RelationshipCommon, [Str(GraphProperties.SyncTag, "The last run whose complete listing held the vault.")]));

    public static readonly RelationshipType ItemUsageAccessedSecret = Plain(ItemUsageEvent, "ACCESSED", Secret, "Which item the usage touched.");

    public static readonly RelationshipType UserUsedSecret = new(
        "one_password_user_used_secret", User, "USED", Secret, "Aggregate of the user's item usages of the item, each usage event added once when it is written.",
        Join(RelationshipCommon, [Int("count", "Number of item usage events."), Int("firstUsedOn", "Earliest usage (epoch ms)."), Int("lastUsedOn", "Latest usage (epoch ms)."), List("actions", "Distinct actions taken.")]));

    /// <summary>USED summarises a user's item usages of a secret: PERFORMED then ACCESSED.</summary>
    public static readonly AggregateRelationship UsageAggregate =
        new(UserUsedSecret, UserPerformedItemUsage, ItemUsageAccessedSecret, "timestamp", "action", "count", "firstUsedOn", "lastUsedOn", "actions");

    public static readonly IReadOnlyList<RelationshipType> AlertFlags =
        [.. new[] { Account, User, Vault, Secret, ItemUsageEvent, AuditEvent, SignInAttemptEvent }.Select(target => Plain(Alert, "FLAGS", target, "What a finding is about."))];

    public static readonly RelationshipType AlertHasDelivery = Plain(Alert, "HAS", AlertDelivery, "The finding's delivery to one channel.");

    public static readonly RelationshipType AlertTriggeredResponseAction = Plain(Alert, "TRIGGERED", ResponseAction, "The finding that made the suspend-user response act.");

    public static readonly RelationshipType ResponseActionImpactsUser = Plain(ResponseAction, "IMPACTS", User, "The user a response action was about, whatever its result.");

    /// <summary>Gets every declared relationship type.</summary>
    public static IReadOnlyList<RelationshipType> All { get; } =
    [
        UserPerformedItemUsage, UserPerformedAuditEvent, UserPerformedSignInAttempt, AuditEventUpdatedUser, AuditEventUpdatedVault,
        AuditEventUpdatedSecret, UserPerformedVault, VaultHasSecret, AccountHasUser, AccountHasVault, ItemUsageAccessedSecret, UserUsedSecret,
        .. AlertFlags, AlertHasDelivery, AlertTriggeredResponseAction, ResponseActionImpactsUser,
    ];

    private static RelationshipType Plain(NodeType from, string label, NodeType to, string description) =>
        new(TypeName(from, label, to), from, label, to, description, RelationshipCommon);

    // JupiterOne's convention: <fromType>_<class lower>_<toType without the prefix both share>.
    private static string TypeName(NodeType from, string label, NodeType to)
    {
        const string Prefix = "one_password_";
        var target = to.Type.StartsWith(Prefix, StringComparison.Ordinal) ? to.Type[Prefix.Length..] : to.Type;
        return $"{from.Type}_{label.ToLowerInvariant()}_{target}";
    }
}
