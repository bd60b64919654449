namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// What a <see cref="PlainLoader"/> writes per page: its statement (labels spelled with
/// <see cref="PlainLoader.DefaultPrefix"/>) and the event properties it indexes.
/// </summary>
internal sealed record LoaderShape(string Name, string LabelPrefix, string Statement, IReadOnlyList<string> IndexedEventProperties)
{
    // Both shapes end alike: vault placeholders, then the cursor in the same statement as the page.
    private const string VaultsAndCursor = """
        FOREACH (_ IN CASE WHEN row.vault IS NULL THEN [] ELSE [1] END |
          MERGE (v:bench_vault {_key: row.vault})
          ON CREATE SET v.placeholder = true)
        WITH count(*) AS written
        MERGE (c:bench_cursor {_key: $stream})
        SET c.cursor = $cursor, c.events = coalesce(c.events, 0) + written
        RETURN written
        """;

    /// <summary>Issue #16's yardstick: the simplest correct loader of the same rows, with only the key constraints.</summary>
    public static LoaderShape Plain { get; } = new("plain loader", PlainLoader.DefaultPrefix, """
        UNWIND $rows AS row
        MERGE (e:bench_event {_key: row.key})
        SET e += row.props, e.stream = $stream
        FOREACH (_ IN CASE WHEN row.user IS NULL THEN [] ELSE [1] END |
          MERGE (u:bench_user {_key: row.user})
          SET u += row.userProps
          MERGE (u)-[:PERFORMED]->(e))
        FOREACH (_ IN CASE WHEN row.item IS NULL THEN [] ELSE [1] END |
          MERGE (s:bench_secret {_key: row.item})
          ON CREATE SET s.vaultUUID = row.vault, s.placeholder = true
          MERGE (e)-[:ACCESSED]->(s))

        """ + VaultsAndCursor, []);

    /// <summary>
    /// The plain loader plus what the project's data model adds to the same rows: the events' second label (without a
    /// constraint, like the model's <c>Record</c>) and nine more properties, six properties on each PERFORMED and
    /// ACCESSED relationship (two of them long strings), and an index on each property the model indexes on events
    /// (under the API's field names, one label for all three streams, so each event gets as many index entries as in
    /// the model). What it leaves out is the statement's own work: the USED aggregate, account HAS user, the
    /// account-isolation guards and the conflict check. The sync's rate against it shows how much of the gap to the
    /// plain loader is the model rather than the statement.
    /// </summary>
    public static LoaderShape SameModel { get; } = new("plain loader of the same model", "model_", """
        UNWIND $rows AS row
        WITH row, coalesce(row.props.action, row.props.category, $stream) + ' by ' + coalesce(row.userProps.name, row.user, 'someone') AS caption
        MERGE (e:bench_event {_key: row.key})
        SET e += row.props, e.stream = $stream, e:bench_record, e._type = $type, e._class = 'Record', e.account = $account,
            e.firstSeenOn = $observedOn, e.lastSeenOn = $observedOn, e.placeholder = false, e.name = caption,
            e.displayName = caption, e.occurredAt = row.props.timestamp
        FOREACH (_ IN CASE WHEN row.user IS NULL THEN [] ELSE [1] END |
          MERGE (u:bench_user {_key: row.user})
          SET u += row.userProps
          MERGE (u)-[p:PERFORMED]->(e)
          ON CREATE SET p._key = row.user + '|performed|' + row.key, p._type = $performedType, p._class = 'PERFORMED',
                        p.account = $account, p.firstSeenOn = $observedOn, p.lastSeenOn = $observedOn)
        FOREACH (_ IN CASE WHEN row.item IS NULL THEN [] ELSE [1] END |
          MERGE (s:bench_secret {_key: row.item})
          ON CREATE SET s.vaultUUID = row.vault, s.placeholder = true
          MERGE (e)-[a:ACCESSED]->(s)
          ON CREATE SET a._key = row.key + '|accessed|' + row.item, a._type = 'one_password_item_usage_event_accessed_secret',
                        a._class = 'ACCESSED', a.account = $account, a.firstSeenOn = $observedOn, a.lastSeenOn = $observedOn)

        """ + VaultsAndCursor,
        // The model's event indexes (account, timestamp, client app and IP, vault, item, user; category, target user;
        // actor, object) under the names the API's flattened fields have here; the stream stands in for the account.
        ["stream", "timestamp", "client_app_name", "client_ip_address", "vault_uuid", "item_uuid", "user_uuid",
         "category", "target_user_uuid", "actor_uuid", "object_uuid"]);

    /// <summary>The statement with the shape's own labels.</summary>
    public string StatementFor(string labelPrefix) => Statement.Replace(PlainLoader.DefaultPrefix, labelPrefix, StringComparison.Ordinal);
}
