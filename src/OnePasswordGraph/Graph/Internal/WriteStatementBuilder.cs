using System.Text;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Generates the one statement that writes a batch: an <c>UNWIND … MERGE</c> section per part, each closed by
/// <c>WITH count(*)</c> so that the next section runs exactly once whatever the previous one matched (an empty list
/// included), ending with the checkpoint when there is one. One statement is one transaction, so a page of events
/// and the cursor that follows it are stored together or not at all.
/// </summary>
/// <remarks>
/// Accounts never change each other's data (<see cref="AccountScope"/>): a node owned by one account is written only
/// when it is new or already that account's, and a relationship only when both its ends are, while a person shared by
/// several accounts keeps the account that first wrote it. Rows that would touch another account's node change nothing;
/// <see cref="ConflictCheck"/> reports them.
/// Parameters: <c>$p0…$pN</c> (rows of each part), <c>$observedOn</c> (epoch ms of the write), <c>$syncTag</c> (the
/// run id, stamped on inventory), <c>$checkpoint</c> (<c>{key, props}</c>). Node rows are <c>{key, props}</c>,
/// relationship rows <c>{from, to, fromProps, toProps, props}</c>, aggregate rows <c>{from, to, props}</c>.
/// </remarks>
internal static class WriteStatementBuilder
{
    public static string Build(IReadOnlyList<WritePart> parts, NodeType? checkpointType)
    {
        var text = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            var rows = "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append("UNWIND ").Append(rows).Append(" AS row\n");
            text.Append(parts[i] switch
            {
                WritePart.Nodes nodes => NodeSection(nodes),
                WritePart.Relationships relationships => RelationshipSection(relationships.Type),
                WritePart.AggregateRefresh aggregate => AggregateRefreshSection(aggregate.Aggregate),
                _ => throw new ArgumentOutOfRangeException(nameof(parts)),
            });
            text.Append("WITH count(*) AS written").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        if (checkpointType is not null)
        {
            text.Append("MERGE (s:").Append(Name(checkpointType.Type)).Append(" {").Append(Name(Key)).Append(": $checkpoint.key})\n");
            text.Append("ON CREATE SET s.").Append(Name(FirstSeenOn)).Append(" = $observedOn\n");
            text.Append("SET s += $checkpoint.props, s.").Append(Name(LastSeenOn)).Append(" = $observedOn\n");
        }

        text.Append("RETURN count(*) AS batches");
        return text.ToString();
    }

    private static string NodeSection(WritePart.Nodes part)
    {
        var type = part.Type;
        var owned = type.AccountScope == AccountScope.OwnedByOneAccount;
        var labels = LabelItems("n", type, part.RoleLabels);
        var merge = $"MERGE (n:{Name(type.Type)} {{{Name(Key)}: row.key}})\n";
        if (part.Placeholder || type.WriteMode == NodeWriteMode.InsertOnly)
        {
            var placeholder = part.Placeholder ? "true" : "false";
            var created = merge + $"ON CREATE SET n += row.props, {Stamps("n")}, n.{Name(Placeholder)} = {placeholder}\n";
            return labels.Length == 0 ? created : created + (owned ? OwnOnly($"SET {labels}", "n") : $"SET {labels}\n");
        }

        // Only a listing (a write with a sync tag) decides what is active: a user named by an event keeps what the
        // last Users API listing said, and keeps its tag so the next listing can still miss it.
        var inventory = type.IsInventory
            ? $", n.{Name(Active)} = CASE WHEN $syncTag IS NULL THEN coalesce(n.{Name(Active)}, true) ELSE true END, "
                + $"n.{Name(SyncTag)} = coalesce($syncTag, n.{Name(SyncTag)}), "
                + $"n.{Name(DeletedOn)} = CASE WHEN $syncTag IS NULL THEN n.{Name(DeletedOn)} ELSE null END"
            : string.Empty;
        var update = $"SET n += row.props, n.{Name(LastSeenOn)} = $observedOn, n.{Name(Placeholder)} = false{(labels.Length == 0 ? string.Empty : ", " + labels)}{inventory}";
        var create = merge + $"ON CREATE SET n.{Name(FirstSeenOn)} = $observedOn, n.{Name(Account)} = row.props.{Name(Account)}\n";
        return type.AccountScope switch
        {
            AccountScope.OwnedByOneAccount => create + OwnOnly(update, "n"),

            // A person's properties are the same in every account; which account first wrote the node stays recorded.
            AccountScope.SharedAcrossAccounts => create + $"WITH n, row, n.{Name(Account)} AS owner\n{update}, n.{Name(Account)} = owner\n",
            _ => merge + $"ON CREATE SET n.{Name(FirstSeenOn)} = $observedOn\n{update}\n",
        };
    }

    // Runs the update only when the node is this row's account's (or predates account stamping).
    private static string OwnOnly(string update, params string[] variables)
    {
        var condition = string.Join(" AND ", variables.Select(Owns));
        return $"FOREACH (own IN CASE WHEN {condition} THEN [1] ELSE [] END |\n  {update.Replace("\n", "\n  ", StringComparison.Ordinal)})\n";
    }

    private static string Owns(string variable) => $"coalesce({variable}.{Name(Account)}, row.props.{Name(Account)}) = row.props.{Name(Account)}";

    private static string RelationshipSection(RelationshipType type)
    {
        var insertOnly = type.From.WriteMode == NodeWriteMode.InsertOnly || type.To.WriteMode == NodeWriteMode.InsertOnly;
        var syncTag = type.Property(SyncTag) is null ? string.Empty : $", r.{Name(SyncTag)} = $syncTag";
        var merge = $"MERGE (a)-[r:{Name(type.Label)}]->(b)\n"
            + (insertOnly
                ? $"ON CREATE SET r += row.props, {Stamps("r")}"
                : $"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\nSET r += row.props, r.{Name(LastSeenOn)} = $observedOn{syncTag}");
        var owned = new[] { ("a", type.From), ("b", type.To) }.Where(end => end.Item2.AccountScope == AccountScope.OwnedByOneAccount).Select(end => end.Item1).ToArray();
        return EndPoint("a", type.From, "row.from", "row.fromProps")
            + EndPoint("b", type.To, "row.to", "row.toProps")
            + (owned.Length == 0 ? merge + "\n" : OwnOnly(merge, owned));
    }

    // A missing end node is created as a placeholder of the declared type rather than dropping the row, which a
    // MATCH would do silently.
    private static string EndPoint(string variable, NodeType type, string key, string props) =>
        $"MERGE ({variable}:{Name(type.Type)} {{{Name(Key)}: {key}}})\n"
        + $"ON CREATE SET {variable} += {props}, {Stamps(variable)}, {variable}.{Name(Placeholder)} = true"
        + (type.Class is null ? string.Empty : $", {variable}:{Name(type.Class)}") + "\n";

    private static string AggregateRefreshSection(AggregateRelationship aggregate)
    {
        var (target, inbound, outbound) = (aggregate.Relationship, aggregate.Inbound, aggregate.Outbound);
        var owned = new[] { ("u", target.From), ("s", target.To) }.Where(end => end.Item2.AccountScope == AccountScope.OwnedByOneAccount).Select(end => Owns(end.Item1)).ToList();
        return $"MATCH (u:{Name(target.From.Type)} {{{Name(Key)}: row.from}})-[:{Name(inbound.Label)}]->(e:{Name(inbound.To.Type)})"
            + $"-[:{Name(outbound.Label)}]->(s:{Name(target.To.Type)} {{{Name(Key)}: row.to}})\n"
            + (owned.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", owned) + "\n")
            + $"WITH row, u, s, count(e) AS uses, min(e.{Name(aggregate.TimeProperty)}) AS firstUse, max(e.{Name(aggregate.TimeProperty)}) AS lastUse, collect(DISTINCT e.{Name(aggregate.ValueProperty)}) AS actions\n"
            + $"MERGE (u)-[r:{Name(target.Label)}]->(s)\n"
            + $"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\n"
            + $"SET r += row.props, r.{Name(LastSeenOn)} = $observedOn, r.{Name(aggregate.CountProperty)} = uses, r.{Name(aggregate.FirstProperty)} = firstUse, "
            + $"r.{Name(aggregate.LastProperty)} = lastUse, r.{Name(aggregate.ValuesProperty)} = actions\n";
    }

    private static string Stamps(string variable) => $"{variable}.{Name(FirstSeenOn)} = $observedOn, {variable}.{Name(LastSeenOn)} = $observedOn";

    private static string LabelItems(string variable, NodeType type, IReadOnlyList<string> roleLabels)
    {
        var labels = (type.Class is null ? [] : new[] { type.Class }).Concat(roleLabels).ToList();
        return labels.Count == 0 ? string.Empty : Labels(variable, labels);
    }
}
