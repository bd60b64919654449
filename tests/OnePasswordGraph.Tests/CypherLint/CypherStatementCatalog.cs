using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Jobs.Internal;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Response;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Rules.Internal;
using OnePasswordGraph.Tests.Support;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Tests.CypherLint;

/// <summary>
/// Every statement text the project can send to a Neo4j of 4.4 or later, named, for scripts/cypher-lint.sh to check
/// with Neo4j's own Cypher 5 and Cypher 25 analyser. 3.x-only texts (its schema statements and constraint listing) are
/// left out: that analyser does not accept 3.x syntax, and the integration tests run them on Neo4j 3.1.
/// </summary>
internal static class CypherStatementCatalog
{
    /// <summary>Any version from 4.4 on: they share one schema syntax (see the schema-4.4-and-later snapshot).</summary>
    private static readonly Neo4jVersion Modern = Neo4jVersion.Parse("5.26.2");

    public static IReadOnlyList<KeyValuePair<string, string>> All()
    {
        var statements = new List<KeyValuePair<string, string>>();
        var now = DateTimeOffset.UnixEpoch;
        void Add(string name, string text) => statements.Add(new(name, text));

        var schema = GraphSchema.OnePassword;
        var built = SchemaStatementBuilder.Build(schema, Modern);
        for (var i = 0; i < built.Count; i++)
        {
            Add($"schema/{i}", built[i].Text);
        }

        Add("schema/list-constraints", SchemaStatementBuilder.ListConstraints(Modern).Text);

        foreach (var node in schema.NodeTypes)
        {
            Add($"write/node/{node.Type}", WriteStatementBuilder.Build([new WritePart.Nodes(node, node.RoleLabels, Placeholder: false)], checkpointType: null));
            Add($"write/placeholder/{node.Type}", WriteStatementBuilder.Build([new WritePart.Nodes(node, [], Placeholder: true)], checkpointType: null));
        }

        foreach (var relationship in schema.RelationshipTypes)
        {
            Add($"write/relationship/{relationship.Type}", WriteStatementBuilder.Build([new WritePart.Relationships(relationship)], checkpointType: null));
            Add($"write/relationship-of-written-ends/{relationship.Type}", WriteStatementBuilder.Build([new WritePart.Relationships(relationship, FromWritten: true, ToWritten: true)], checkpointType: null));
            Add($"write/relationship-of-written-from/{relationship.Type}", WriteStatementBuilder.Build([new WritePart.Relationships(relationship, FromWritten: true, ToWritten: false)], checkpointType: null));
            Add($"write/relationship-of-written-to/{relationship.Type}", WriteStatementBuilder.Build([new WritePart.Relationships(relationship, FromWritten: false, ToWritten: true)], checkpointType: null));
        }

        Add($"write/aggregate/{UsageAggregate.Relationship.Type}", WriteStatementBuilder.Build([new WritePart.Nodes(UsageAggregate.Inbound.To, [], Placeholder: false), new WritePart.AggregateRefresh(UsageAggregate)], checkpointType: null));
        Add("write/event-page-with-checkpoint", WriteStatementBuilder.Build(SampleWriteParts.ItemUsagePage, SyncState));
        Add("write/event-page-with-quarantine-and-checkpoint", WriteStatementBuilder.Build([.. SampleWriteParts.ItemUsagePage, new WritePart.Nodes(QuarantinedEvent, [], Placeholder: false)], SyncState));

        Add("cleanup/stale-vaults", CleanupStatementBuilder.StaleNodes(Vault, scopeProperty: null));
        Add("cleanup/stale-secrets", CleanupStatementBuilder.StaleNodes(Secret, scopeProperty: "vaultUUID"));
        Add("cleanup/stale-account-has-vault", CleanupStatementBuilder.StaleRelationships(AccountHasVault, fromScopeProperty: null));
        Add("cleanup/ended-user-memberships", CleanupStatementBuilder.EndedMemberships(AccountHasUser));
        Add("cleanup/stale-vault-has-secret", CleanupStatementBuilder.StaleRelationships(VaultHasSecret, fromScopeProperty: "vaultUUID"));

        foreach (var label in schema.RelationshipTypes.Select(r => r.Label).Distinct(StringComparer.Ordinal))
        {
            Add($"erase/relationships/{label}", CleanupStatementBuilder.AccountRelationships(label));
            Add($"status/relationship-counts/{label}", AccountStatusQueries.RelationshipCounts(label));
        }

        foreach (var node in schema.NodeTypes)
        {
            Add($"erase/nodes/{node.Type}", CleanupStatementBuilder.AccountNodes(node));
            Add($"erase/shared-nodes/{node.Type}", CleanupStatementBuilder.SharedAccountNodes(node));
            Add($"status/node-count/{node.Type}", AccountStatusQueries.NodeCount(node));
        }

        Add("migration/ran", MigrationStatementBuilder.Ran);
        Add("migration/record", MigrationStatementBuilder.Record);
        foreach (var rename in schema.Migrations.SelectMany(m => m.Renames))
        {
            Add($"migration/rename/{rename.Type.Type}.{rename.From}", MigrationStatementBuilder.Rename(rename));
        }

        foreach (var link in schema.Migrations.SelectMany(m => m.RemovedLinks))
        {
            Add($"migration/remove-cross-account-links/{link.Type}", MigrationStatementBuilder.RemoveCrossAccountLinks(link));
        }

        Add("status/states", AccountStatusQueries.States);
        Add("lease/acquire", LeaseStatements.Acquire);
        Add("lease/release", LeaseStatements.Release);
        Add("lease/read", LeaseStatements.Read);
        Add("cursor/read", SyncStateStore.ReadQuery);
        Add("inventory/item-details-versions", ItemDetailsVersions.Query);
        Add("alerts/store-findings", AlertStatementBuilder.Store());
        Add("alerts/read-watermarks", AlertStatementBuilder.ReadWatermarks());
        Add("alerts/write-watermark", AlertStatementBuilder.WriteWatermark());
        Add("alerts/events-per-hour", AlertStatementBuilder.EventsPerHour());
        Add("doctor/can-run-cypher", CypherStatement.Probe.Text);
        Add("doctor/query-api-components-version", Neo4jQueryApiCypherRunner.ComponentsQuery);

        var fingerprint = new string('a', 64);
        Add("delivery/pending", DeliveryStatements.Pending("account", "webhook", now, 10).Text);
        Add("delivery/claim", DeliveryStatements.Claim("account", fingerprint, "webhook", "holder", null, now, now).Text);
        Add("delivery/complete", DeliveryStatements.Complete(fingerprint, "webhook", now).Text);
        Add("delivery/release", DeliveryStatements.Release(fingerprint, "webhook", "holder", "error", now).Text);
        Add("delivery/skip", DeliveryStatements.Skip("account", fingerprint, "webhook", now).Text);
        Add("delivery/backlog", DeliveryStatements.Backlog("account", ["webhook"], now).Text);
        Add("delivery/browser-query", DeliveryStatements.BrowserQuery(fingerprint));
        Add("alerts/report", ReportStatements.Findings("account", now, 200, 12, 3).Text);
        var ownedRow = new Dictionary<string, object?> { ["key"] = "k", ["from"] = "k", ["to"] = "k" };
        var owned = new PlannedWrite([new WritePart.Nodes(ItemUsageEvent, [], Placeholder: false), new WritePart.Relationships(VaultHasSecret)], [[ownedRow], [ownedRow]]);
        Add("write/account-conflict-check", ConflictCheck.For(owned, "account")!.Text);
        Add("response/user", ResponseActions.UserQuery);
        Add("response/account-uuid", ResponseActions.AccountUuidQuery);
        Add("response/cap-reserve", ResponseActions.ReserveQuery);
        Add("response/cap-release", ResponseActions.ReleaseQuery);

        foreach (var rule in RuleCatalog.LoadBuiltIn().Rules)
        {
            Add($"rule/{rule.Id}", RuleStatement.For(rule, "account", now, now).Text);
            Add($"rule/{rule.Id}/validate", RuleStatement.For(rule, "account", now, now, RuleValidator.ExplainPrefix).Text);
        }

        foreach (var (query, index) in SampleQueries.All.Select((q, i) => (q, i)))
        {
            Add($"sample/{index}", query.Cypher);
        }

        return statements;
    }
}
