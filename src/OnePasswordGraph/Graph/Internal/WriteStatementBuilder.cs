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
        var labels = LabelItems("n", type, part.RoleLabels);
        var merge = $"MERGE (n:{Name(type.Type)} {{{Name(Key)}: row.key}})\n";
        var setLabels = labels.Length == 0 ? string.Empty : $"SET {labels}\n";
        if (part.Placeholder || type.WriteMode == NodeWriteMode.InsertOnly)
        {
            var placeholder = part.Placeholder ? "true" : "false";
            return merge + $"ON CREATE SET n += row.props, {Stamps("n")}, n.{Name(Placeholder)} = {placeholder}\n{setLabels}";
        }

        // Only a listing (a write with a sync tag) decides what is active: a user named by an event keeps what the
        // last Users API listing said, and keeps its tag so the next listing can still miss it.
        var inventory = type.IsInventory
            ? $", n.{Name(Active)} = CASE WHEN $syncTag IS NULL THEN coalesce(n.{Name(Active)}, true) ELSE true END, "
                + $"n.{Name(SyncTag)} = coalesce($syncTag, n.{Name(SyncTag)}), "
                + $"n.{Name(DeletedOn)} = CASE WHEN $syncTag IS NULL THEN n.{Name(DeletedOn)} ELSE null END"
            : string.Empty;
        return merge
            + $"ON CREATE SET n.{Name(FirstSeenOn)} = $observedOn\n"
            + $"SET n += row.props, n.{Name(LastSeenOn)} = $observedOn, n.{Name(Placeholder)} = false{(labels.Length == 0 ? string.Empty : ", " + labels)}{inventory}\n";
    }

    private static string RelationshipSection(RelationshipType type)
    {
        var insertOnly = type.From.WriteMode == NodeWriteMode.InsertOnly || type.To.WriteMode == NodeWriteMode.InsertOnly;
        var text = new StringBuilder()
            .Append(EndPoint("a", type.From, "row.from", "row.fromProps"))
            .Append(EndPoint("b", type.To, "row.to", "row.toProps"))
            .Append($"MERGE (a)-[r:{Name(type.Label)}]->(b)\n");
        var syncTag = type.Property(SyncTag) is null ? string.Empty : $", r.{Name(SyncTag)} = $syncTag";
        return insertOnly
            ? text.Append($"ON CREATE SET r += row.props, {Stamps("r")}\n").ToString()
            : text.Append($"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\nSET r += row.props, r.{Name(LastSeenOn)} = $observedOn{syncTag}\n").ToString();
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
        return $"MATCH (u:{Name(target.From.Type)} {{{Name(Key)}: row.from}})-[:{Name(inbound.Label)}]->(e:{Name(inbound.To.Type)})"
            + $"-[:{Name(outbound.Label)}]->(s:{Name(target.To.Type)} {{{Name(Key)}: row.to}})\n"
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
