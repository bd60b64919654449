using System.Text;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Generates the one statement that writes a batch: an <c>UNWIND … MERGE</c> section per part, each closed by
/// <c>WITH count(*)</c> so that the next section runs exactly once whatever the previous one matched (an empty list
/// included), ending with the checkpoint when there is one. One statement is one transaction, so a page of events
/// and the cursor that follows it are stored together or not at all. An aggregate is updated incrementally: the
/// section that writes its records notes which of them it created, and the aggregate's section adds only those.
/// Every node is found by MERGE on its key, never by MATCH (see <see cref="Lookups"/>).
/// </summary>
/// <remarks>
/// Accounts never change each other's data (<see cref="AccountScope"/>): a node owned by one account is written only
/// when it is new or already that account's, and a relationship only when both its ends are, while a person shared by
/// several accounts keeps the account that first wrote it. Rows that would touch another account's node change nothing;
/// <see cref="ConflictCheck"/> reports them.
/// Parameters: <c>$p0…$pN</c> (rows of each part), <c>$observedOn</c> (epoch ms of the write), <c>$syncTag</c> (the
/// run id, stamped on inventory), <c>$checkpoint</c> (<c>{key, props}</c>). Node rows are <c>{key, props}</c>,
/// relationship rows <c>{from, to, fromProps, toProps, props}</c> (no <c>fromProps</c>/<c>toProps</c> for an end the
/// statement writes as a node), aggregate rows <c>{from, to, props, records}</c> with records <c>{key, time, value}</c>.
/// </remarks>
internal static class WriteStatementBuilder
{
    public static string Build(IReadOnlyList<WritePart> parts, NodeType? checkpointType)
    {
        var text = new StringBuilder();
        var recordsPart = RecordsPart(parts);
        var carried = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            // The aggregate's section reads the created keys; nothing after it needs them.
            carried.Remove(parts[i] is WritePart.AggregateRefresh ? Created : string.Empty);
            var carry = Carry(carried);
            text.Append("UNWIND $p").Append(Index(i)).Append(" AS row\n");
            text.Append(parts[i] switch
            {
                WritePart.Nodes nodes => NodeSection(nodes, carry, markCreated: i == recordsPart),
                WritePart.Relationships relationships => RelationshipSection(relationships, carry),
                WritePart.AggregateRefresh aggregate => AggregateSection(aggregate.Aggregate, carry),
                _ => throw new ArgumentOutOfRangeException(nameof(parts)),
            });
            text.Append("WITH ").Append(CarryOut(carried));
            if (i == recordsPart)
            {
                text.Append($"collect(CASE WHEN {Created} THEN row.key END) AS {Created}, ");
                carried.Add(Created);
            }

            text.Append("count(*) AS written").Append(Index(i)).Append('\n');
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

    // The keys of the aggregate's records that this statement created, carried from their node section to the
    // aggregate's: a replayed page, or a retried statement that had committed, creates none and so adds nothing.
    private const string Created = "created";

    // Set when the records' MERGE creates a node and removed in the same statement, so it never reaches the store.
    private const string CreatedMark = "opgCreatedByThisWrite";

    // An aggregate counts the records its statement creates, so the records' node section must come first.
    private static int RecordsPart(IReadOnlyList<WritePart> parts)
    {
        var aggregates = parts.Select((part, index) => (part, index)).Where(p => p.part is WritePart.AggregateRefresh).ToList();
        if (aggregates.Count == 0)
        {
            return -1;
        }

        if (aggregates.Count > 1)
        {
            throw new ArgumentException("A write statement updates at most one aggregate.", nameof(parts));
        }

        var recordType = ((WritePart.AggregateRefresh)aggregates[0].part).Aggregate.Inbound.To;
        var records = parts.Take(aggregates[0].index).ToList().FindIndex(part => part is WritePart.Nodes { Placeholder: false } nodes && nodes.Type == recordType);
        return records >= 0
            ? records
            : throw new ArgumentException($"An aggregate's statement must write its records ({recordType.Type}) before it.", nameof(parts));
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Variables that later sections still need, kept through a section's projections.
    private static string Carry(List<string> carried) => carried.Count == 0 ? string.Empty : string.Join(", ", carried) + ", ";

    // ... and through its closing aggregation: as head(collect(x)) rather than a grouping key, because grouping
    // compares the whole carried list on every row (a page's worth of records, on each of a page's rows). Every part
    // has at least one row (the planner makes no empty part) and no section drops rows before the aggregate's, so the
    // value always arrives.
    private static string CarryOut(List<string> carried) => string.Concat(carried.Select(name => $"head(collect({name})) AS {name}, "));

    private static string NodeSection(WritePart.Nodes part, string carry, bool markCreated)
    {
        var type = part.Type;
        var owned = type.AccountScope == AccountScope.OwnedByOneAccount;
        var labels = LabelItems("n", type, part.RoleLabels);
        var merge = $"MERGE (n:{Name(type.Type)} {{{Name(Key)}: row.key}})\n";
        if (part.Placeholder || type.WriteMode == NodeWriteMode.InsertOnly)
        {
            var placeholder = part.Placeholder ? "true" : "false";
            var created = merge + $"ON CREATE SET n += row.props, {Stamps("n")}, n.{Name(Placeholder)} = {placeholder}{(markCreated ? $", n.{Name(CreatedMark)} = true" : string.Empty)}\n";
            var section = labels.Length == 0 ? created : created + (owned ? OwnOnly($"SET {labels}", "n") : $"SET {labels}\n");
            return markCreated ? section + $"WITH {carry}row, n, n.{Name(CreatedMark)} IS NOT NULL AS {Created}\nREMOVE n.{Name(CreatedMark)}\n" : section;
        }

        if (markCreated)
        {
            throw new ArgumentException($"An aggregate's records ({type.Type}) are written once, insert-only.", nameof(part));
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
            AccountScope.SharedAcrossAccounts => create + $"WITH {carry}n, row, n.{Name(Account)} AS owner\n{update}, n.{Name(Account)} = owner\n",
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

    // An end that is a node of this statement is looked up: an earlier section merged it, so the lookup always finds
    // it and keeps the row.
    private static string RelationshipSection(WritePart.Relationships part, string carry)
    {
        var type = part.Type;
        var insertOnly = type.From.WriteMode == NodeWriteMode.InsertOnly || type.To.WriteMode == NodeWriteMode.InsertOnly;
        // A write without a sync tag (an event's) leaves the last listing's tag alone, as it does on nodes.
        var syncTag = type.Property(SyncTag) is null ? string.Empty : $", r.{Name(SyncTag)} = coalesce($syncTag, r.{Name(SyncTag)})";
        var merge = $"MERGE (a)-[r:{Name(type.Label)}]->(b)\n"
            + (insertOnly
                ? $"ON CREATE SET r += row.props, {Stamps("r")}"
                : $"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\nSET r += row.props, r.{Name(LastSeenOn)} = $observedOn{syncTag}");
        var owned = new[] { ("a", type.From), ("b", type.To) }.Where(end => end.Item2.AccountScope == AccountScope.OwnedByOneAccount).Select(end => end.Item1).ToArray();

        var ends = Lookups(("a", type.From, "row.from", part.FromWritten), ("b", type.To, "row.to", part.ToWritten))
            + (part.FromWritten ? string.Empty : EndPoint("a", type.From, "row.from", "row.fromProps"))
            + (part.ToWritten ? string.Empty : EndPoint("b", type.To, "row.to", "row.toProps"));
        return ends + (owned.Length == 0 ? merge + "\n" : OwnOnly(merge, owned));
    }

    // An end that this statement wrote is found again with MERGE, never MATCH: with a lagging planner a MATCH per row
    // made a page take a minute (Cypher.MergeWrittenKey).
    private static string Lookups(params (string Variable, NodeType Type, string Key, bool Written)[] ends) =>
        string.Concat(ends.Where(e => e.Written).Select(end => MergeWrittenKey(end.Variable, end.Type, end.Key)));

    // A missing end node is created as a placeholder of the declared type rather than dropping the row, which a
    // MATCH would do silently.
    private static string EndPoint(string variable, NodeType type, string key, string props) =>
        $"MERGE ({variable}:{Name(type.Type)} {{{Name(Key)}: {key}}})\n"
        + $"ON CREATE SET {variable} += {props}, {Stamps(variable)}, {variable}.{Name(Placeholder)} = true"
        + (type.Class is null ? string.Empty : $", {variable}:{Name(type.Class)}") + "\n";

    // Adds the records this statement created to their pair's aggregate; the ends were written earlier in the
    // statement. A record whose item belongs to another account is not joined to it (see RelationshipSection), so it
    // is not counted either. Rows are {from, to, props, records} with records {key, time, value}.
    private static string AggregateSection(AggregateRelationship aggregate, string carry)
    {
        var target = aggregate.Relationship;
        var owned = new[] { ("u", target.From), ("s", target.To) }.Where(end => end.Item2.AccountScope == AccountScope.OwnedByOneAccount).Select(end => Owns(end.Item1)).ToList();
        var (count, first, last, values) = (Name(aggregate.CountProperty), Name(aggregate.FirstProperty), Name(aggregate.LastProperty), Name(aggregate.ValuesProperty));
        return $"WITH {carry}row, [x IN row.records WHERE x.key IN {Created}] AS added\n"
            + "WHERE size(added) > 0\n"
            + Lookups(("u", target.From, "row.from", true), ("s", target.To, "row.to", true))
            + (owned.Count == 0 ? string.Empty : $"WITH {carry}row, added, u, s\nWHERE " + string.Join(" AND ", owned) + "\n")
            + $"MERGE (u)-[r:{Name(target.Label)}]->(s)\n"
            + $"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\n"
            + $"SET r += row.props, r.{Name(LastSeenOn)} = $observedOn, r.{count} = coalesce(r.{count}, 0) + size(added), "
            + $"r.{first} = reduce(m = r.{first}, x IN added | CASE WHEN m IS NULL OR x.time < m THEN x.time ELSE m END), "
            + $"r.{last} = reduce(m = r.{last}, x IN added | CASE WHEN m IS NULL OR x.time > m THEN x.time ELSE m END), "
            + $"r.{values} = reduce(v = coalesce(r.{values}, []), x IN added | CASE WHEN x.value IS NULL OR x.value IN v THEN v ELSE v + x.value END)\n";
    }

    private static string Stamps(string variable) => $"{variable}.{Name(FirstSeenOn)} = $observedOn, {variable}.{Name(LastSeenOn)} = $observedOn";

    private static string LabelItems(string variable, NodeType type, IReadOnlyList<string> roleLabels)
    {
        var labels = (type.Class is null ? [] : new[] { type.Class }).Concat(roleLabels).ToList();
        return labels.Count == 0 ? string.Empty : Labels(variable, labels);
    }
}
