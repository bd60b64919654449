using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Graph.Schema;

/// <summary>The one-time changes to existing graphs of the OnePasswordGraph data model, oldest first (the README's upgrading notes list them).</summary>
public static class OnePasswordMigrations
{
    /// <summary>Earlier versions wrote these properties under names of their own; JupiterOne's data model publishes these.</summary>
    public static readonly PropertyMigration JupiterOneNames = new(
        "jupiterone-property-names-1",
        "Properties renamed to JupiterOne's published names",
        [
            .. new[] { ItemUsageEvent, AuditEvent, SignInAttemptEvent }.SelectMany(type => new PropertyRename[]
            {
                new(type, "locationCountry", "country"),
                new(type, "locationRegion", "region"),
                new(type, "locationCity", "city"),
            }),
            new(ItemUsageEvent, "accountUUID", "mspAccountUUID"),
            new(SignInAttemptEvent, "accountUUID", "mspAccountUUID"),
            new(SignInAttemptEvent, "userUUID", "targetUserUUID"),
            new(AuditEvent, "sessionLoginTime", "sessionLoginOn"),
            new(AuditEvent, "deviceUUID", "sessionDeviceUUID"),
            new(User, "userType", "mspUserType"),
            new(User, "userAccountUUID", "mspUserAccountId"),
        ]);

    /// <summary>
    /// Earlier versions let a finding flag a node of another account whose uuid repeated one of its own; people are
    /// shared across accounts, so links to them stay.
    /// </summary>
    public static readonly PropertyMigration FindingsFlagOwnAccount = new(
        "findings-flag-own-account-1",
        "Findings' links to another account's nodes removed",
        [],
        [.. OnePasswordRelationshipTypes.AlertFlags.Where(flags => flags.To.BelongsToOneAccount)]);

    /// <summary>Gets every migration, in the order they run.</summary>
    public static IReadOnlyList<PropertyMigration> All { get; } = [JupiterOneNames, FindingsFlagOwnAccount];
}
