using System.Text;

namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// Renders the declarations as the readable data model (docs/data-model.md). A test keeps the committed file equal to
/// this rendering, so the document cannot drift from what the writer actually stores.
/// </summary>
public static class DataModelDocument
{
    public static string Render(GraphSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var text = new StringBuilder();
        text.AppendLine("# OnePasswordGraph data model");
        text.AppendLine();
        text.AppendLine("<!-- Generated from src/OnePasswordGraph/Graph/Schema by DataModelDocument; a test keeps it equal. Run the tests with UPDATE_SNAPSHOTS=1 to regenerate. -->");
        text.AppendLine();
        text.AppendLine("Every node carries `_key`, `_type` and `_class` (JupiterOne conventions). Its Neo4j labels are its `_type` and its");
        text.AppendLine("`_class`, plus the role labels it earned. `_key` is unique per `_type` (a uniqueness constraint backs it). Times are");
        text.AppendLine("integers of epoch milliseconds. Every node and relationship records its account (the configured name) in `account`. Secret values");
        text.AppendLine("(field values, one-time codes, file contents, tokens) have no property to land in: the writer refuses any property");
        text.AppendLine("that is not declared here.");
        text.AppendLine();
        text.AppendLine("## Several accounts in one graph");
        text.AppendLine();
        text.AppendLine("`_key` is the 1Password uuid, so the graph reads like JupiterOne's; accounts are kept apart by the account scope of");
        text.AppendLine("each type (the column below). An event, vault or item belongs to one account (`owned`): its uuid never repeats in");
        text.AppendLine("another real account, and when it does (the same account configured twice, two simulated accounts from one seed),");
        text.AppendLine("the account that wrote it first keeps it unchanged. The other account's writes to it, and its relationships to it, are");
        text.AppendLine("skipped, logged as a warning naming both accounts, counted in `onepassword_graph.sync.account_conflicts` and in the");
        text.AppendLine("run summary. A person can work in several accounts (a service provider's staff): the user node is `shared`, each");
        text.AppendLine("account's node `HAS` it and its `PERFORMED` relationships carry their account, its `account` names the account that");
        text.AppendLine("first wrote it, and erasing an account removes only what that account wrote, handing shared people to an account");
        text.AppendLine("that still relates to them. Bookkeeping nodes (`keyed`) have keys that name their account. Inventory cleanup and erase");
        text.AppendLine("select by `account`, so they never reach another account's nodes or relationships. A finding (`one_password_alert`)");
        text.AppendLine("`FLAGS` only nodes of its own account, and people, who are shared.");
        text.AppendLine();
        text.AppendLine("## Node types");
        text.AppendLine();
        text.AppendLine("| `_type` | `_class` | write mode | account scope | description |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var node in schema.NodeTypes)
        {
            text.AppendLine($"| `{node.Type}` | {(node.Class is null ? "(none)" : $"`{node.Class}`")} | {Mode(node)} | {Scope(node)} | {node.Description} |");
        }

        text.AppendLine();
        text.AppendLine("## Relationship types");
        text.AppendLine();
        text.AppendLine("| relationship | `_type` | description |");
        text.AppendLine("|---|---|---|");
        foreach (var relationship in schema.RelationshipTypes)
        {
            text.AppendLine($"| `({relationship.From.Type})-[:{relationship.Label}]->({relationship.To.Type})` | `{relationship.Type}` | {relationship.Description} |");
        }

        foreach (var node in schema.NodeTypes)
        {
            text.AppendLine();
            text.AppendLine($"## `{node.Type}`");
            text.AppendLine();
            text.AppendLine(node.Description);
            if (node.RoleLabels.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("Role labels (added to the one node when the user plays the role): " + string.Join(", ", node.RoleLabels.Select(l => $"`{l}`")) + ".");
            }

            AppendProperties(text, node.Properties);
        }

        foreach (var relationship in schema.RelationshipTypes.Where(r => r.Properties.Count > PropertySets.RelationshipCommon.Count))
        {
            text.AppendLine();
            text.AppendLine($"## `{relationship.Type}`");
            text.AppendLine();
            text.AppendLine(relationship.Description);
            AppendProperties(text, relationship.Properties);
        }

        text.AppendLine();
        text.AppendLine("## Properties of every relationship");
        AppendProperties(text, PropertySets.RelationshipCommon);
        return text.ToString();
    }

    private static string Scope(NodeType node) => node.AccountScope switch
    {
        AccountScope.OwnedByOneAccount => "owned",
        AccountScope.SharedAcrossAccounts => "shared",
        _ => "keyed",
    };

    private static string Mode(NodeType node) => node.WriteMode switch
    {
        NodeWriteMode.InsertOnly => "insert-only record",
        _ when node.IsInventory => "upsert, soft-deleted when gone",
        _ => "upsert",
    };

    private static void AppendProperties(StringBuilder text, IReadOnlyList<PropertyDefinition> properties)
    {
        text.AppendLine();
        text.AppendLine("| property | type | indexed | description |");
        text.AppendLine("|---|---|---|---|");
        foreach (var property in properties)
        {
            text.AppendLine($"| `{property.Name}` | {Kind(property.Kind)} | {(property.Indexed ? "yes" : string.Empty)} | {property.Description} |");
        }
    }

    private static string Kind(PropertyKind kind) => kind switch
    {
        PropertyKind.String => "string",
        PropertyKind.Integer => "integer",
        PropertyKind.Float => "float",
        PropertyKind.Boolean => "boolean",
        _ => "list of strings",
    };
}
