using System.Text;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Generates the one statement that writes a batch: an <c>UNWIND … MERGE</c> section per part, each closed by
/// <c>WITH count(*)</c> so that the next section runs exactly once whatever the previous one matched (an empty list
/// included), ending with the checkpoint when there is one. One statement is one transaction, so a page of events
/// and the cursor that follows it are stored together or not at all. An aggregate is updated incrementally: a prelude
/// finds which of its records do not exist yet, before any section writes, and its section adds only those.
/// </summary>
/// <remarks>
/// Accounts never change each other's data (<see cref="AccountScope"/>): a node owned by one account is written only
/// when it is new or already that account's, and a relationship only when both its ends are, while a person shared by
/// several accounts keeps the account that first wrote it. Rows that would touch another account's node change nothing;
/// <see cref="ConflictCheck"/> reports them.
/// Parameters: <c>$p0…$pN</c> (rows of each part), <c>$observedOn</c> (epoch ms of the write), <c>$syncTag</c> (the
/// run id, stamped on inventory), <c>$checkpoint</c> (<c>{key, props}</c>). Node rows are <c>{key, props}</c>,
/// relationship rows <c>{from, to, fromProps, toProps, props}</c> (no <c>fromProps</c>/<c>toProps</c> for an end the
/// statement writes as a node), aggregate rows <c>{from, to, props, records}</c> with
/// records <c>{key, time, value}</c>.
/// </remarks>
internal static class WriteStatementBuilder
{
    public static string Build(IReadOnlyList<WritePart> parts, NodeType? checkpointType)
    {
        var text = new StringBuilder();

        // Which records are new is read before anything is written, and carried to the aggregate's section.
        var carried = new List<string>();
        if (parts.OfType<WritePart.AggregateRefresh>().Skip(1).Any())
        {
            // An aggregate's section can end with no rows, which would drop a second aggregate's carried records.
            throw new ArgumentException("A write statement updates at most one aggregate.", nameof(parts));
        }

        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is WritePart.AggregateRefresh aggregate)
            {
                text.Append(NewRecordsPrelude(aggregate.Aggregate, Index(i), Carry(carried)));
                carried.Add("new" + Index(i));
            }
        }

        for (var i = 0; i < parts.Count; i++)
        {
            carried.Remove("new" + Index(i));
            var carry = Carry(carried);
            text.Append("UNWIND ").Append(parts[i] is WritePart.AggregateRefresh ? "new" : "$p").Append(Index(i)).Append(" AS row\n");
            text.Append(parts[i] switch
            {
                WritePart.Nodes nodes => NodeSection(nodes, carry),
                WritePart.Relationships relationships => RelationshipSection(relationships, carry),
                WritePart.AggregateRefresh aggregate => AggregateSection(aggregate.Aggregate, carry),
                _ => throw new ArgumentOutOfRangeException(nameof(parts)),
            });
            text.Append("WITH ").Append(CarryOut(carried)).Append("count(*) AS written").Append(Index(i)).Append('\n');
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

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Variables that later sections still need, kept through a section's projections.
    private static string Carry(List<string> carried) => carried.Count == 0 ? string.Empty : string.Join(", ", carried) + ", ";

    // ... and through its closing aggregation: as head(collect(x)) rather than a grouping key, because grouping
    // compares the whole carried list on every row (a page's worth of records, on each of a page's rows). Every part
    // has at least one row (the planner makes no empty part) and no section drops rows before the aggregate's, so the
    // value always arrives.
    private static string CarryOut(List<string> carried) => string.Concat(carried.Select(name => $"head(collect({name})) AS {name}, "));

    private static string NodeSection(WritePart.Nodes part, string carry)
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
        var syncTag = type.Property(SyncTag) is null ? string.Empty : $", r.{Name(SyncTag)} = $syncTag";
        var merge = $"MERGE (a)-[r:{Name(type.Label)}]->(b)\n"
            + (insertOnly
                ? $"ON CREATE SET r += row.props, {Stamps("r")}"
                : $"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\nSET r += row.props, r.{Name(LastSeenOn)} = $observedOn{syncTag}");
        var owned = new[] { ("a", type.From), ("b", type.To) }.Where(end => end.Item2.AccountScope == AccountScope.OwnedByOneAccount).Select(end => end.Item1).ToArray();

        // Cypher wants the lookups before the merges (a MATCH after a MERGE needs a WITH between them).
        var ends = Lookups(carry, ("a", type.From, "row.from", part.FromWritten), ("b", type.To, "row.to", part.ToWritten))
            + (part.FromWritten ? string.Empty : EndPoint("a", type.From, "row.from", "row.fromProps"))
            + (part.ToWritten ? string.Empty : EndPoint("b", type.To, "row.to", "row.toProps"));
        return ends + (owned.Length == 0 ? merge + "\n" : OwnOnly(merge, owned));
    }

    // One MATCH per node, each after a WITH: written as one MATCH of two nodes, Neo4j 3.1's planner, once index
    // sampling saw the graph grow, joined two index scans by value instead of seeking each key, and a page ran for
    // minutes. A WITH plans each lookup on its own, where a unique-index seek is the only sensible plan.
    private static string Lookups(string carry, params (string Variable, NodeType Type, string Key, bool Written)[] ends)
    {
        var text = new StringBuilder();
        var bound = new List<string>();
        foreach (var end in ends.Where(e => e.Written))
        {
            if (bound.Count > 0)
            {
                text.Append("WITH ").Append(carry).Append("row, ").Append(string.Join(", ", bound)).Append('\n');
            }

            text.Append(MatchKey(end.Variable, end.Type, end.Key));
            bound.Add(end.Variable);
        }

        return text.ToString();
    }

    // A missing end node is created as a placeholder of the declared type rather than dropping the row, which a
    // MATCH would do silently.
    private static string EndPoint(string variable, NodeType type, string key, string props) =>
        $"MERGE ({variable}:{Name(type.Type)} {{{Name(Key)}: {key}}})\n"
        + $"ON CREATE SET {variable} += {props}, {Stamps(variable)}, {variable}.{Name(Placeholder)} = true"
        + (type.Class is null ? string.Empty : $", {variable}:{Name(type.Class)}") + "\n";

    // The aggregate rows' records ({key, time, value}) that do not exist yet: the ones this statement creates. A
    // replayed page finds them all, and adds nothing. Rows are {from, to, props, records}.
    private static string NewRecordsPrelude(AggregateRelationship aggregate, string index, string carry) =>
        $"UNWIND $p{index} AS row\n"
        + "UNWIND row.records AS record\n"
        + MatchKey("known", aggregate.Inbound.To, "record.key", optional: true)
        + $"WITH {carry}row, collect(CASE WHEN known IS NULL THEN record END) AS added\n"
        + $"WITH {carry}collect(CASE WHEN size(added) = 0 THEN null ELSE {{from: row.from, to: row.to, props: row.props, records: added}} END) AS new{index}\n";

    // Adds the new records to the pair's aggregate; the ends were written earlier in the statement. A record whose
    // item belongs to another account is not joined to it (see RelationshipSection), so it is not counted either.
    private static string AggregateSection(AggregateRelationship aggregate, string carry)
    {
        var target = aggregate.Relationship;
        var owned = new[] { ("u", target.From), ("s", target.To) }.Where(end => end.Item2.AccountScope == AccountScope.OwnedByOneAccount).Select(end => Owns(end.Item1)).ToList();
        var (count, first, last, values) = (Name(aggregate.CountProperty), Name(aggregate.FirstProperty), Name(aggregate.LastProperty), Name(aggregate.ValuesProperty));
        return Lookups(carry, ("u", target.From, "row.from", true), ("s", target.To, "row.to", true))
            + (owned.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", owned) + "\n")
            + $"MERGE (u)-[r:{Name(target.Label)}]->(s)\n"
            + $"ON CREATE SET r.{Name(FirstSeenOn)} = $observedOn\n"
            + $"SET r += row.props, r.{Name(LastSeenOn)} = $observedOn, r.{count} = coalesce(r.{count}, 0) + size(row.records), "
            + $"r.{first} = reduce(m = r.{first}, x IN row.records | CASE WHEN m IS NULL OR x.time < m THEN x.time ELSE m END), "
            + $"r.{last} = reduce(m = r.{last}, x IN row.records | CASE WHEN m IS NULL OR x.time > m THEN x.time ELSE m END), "
            + $"r.{values} = reduce(v = coalesce(r.{values}, []), x IN row.records | CASE WHEN x.value IS NULL OR x.value IN v THEN v ELSE v + x.value END)\n";
    }

    private static string Stamps(string variable) => $"{variable}.{Name(FirstSeenOn)} = $observedOn, {variable}.{Name(LastSeenOn)} = $observedOn";

    private static string LabelItems(string variable, NodeType type, IReadOnlyList<string> roleLabels)
    {
        var labels = (type.Class is null ? [] : new[] { type.Class }).Concat(roleLabels).ToList();
        return labels.Count == 0 ? string.Empty : Labels(variable, labels);
    }
}
