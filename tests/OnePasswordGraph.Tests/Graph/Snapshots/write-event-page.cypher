UNWIND $p6 AS row
UNWIND row.records AS record
OPTIONAL MATCH (known:`one_password_item_usage_event` {`_key`: record.key})
USING INDEX known:`one_password_item_usage_event`(`_key`)
WITH row, collect(CASE WHEN known IS NULL THEN record END) AS added
WITH collect(CASE WHEN size(added) = 0 THEN null ELSE {from: row.from, to: row.to, props: row.props, records: added} END) AS new6
UNWIND $p0 AS row
MERGE (n:`one_password_user` {`_key`: row.key})
ON CREATE SET n.`firstSeenOn` = $observedOn, n.`account` = row.props.`account`
WITH new6, n, row, n.`account` AS owner
SET n += row.props, n.`lastSeenOn` = $observedOn, n.`placeholder` = false, n:`User`:`one_password_item_usage_user`, n.`active` = CASE WHEN $syncTag IS NULL THEN coalesce(n.`active`, true) ELSE true END, n.`syncTag` = coalesce($syncTag, n.`syncTag`), n.`deletedOn` = CASE WHEN $syncTag IS NULL THEN n.`deletedOn` ELSE null END, n.`account` = owner
WITH head(collect(new6)) AS new6, count(*) AS written0
UNWIND $p1 AS row
MERGE (n:`one_password_item_usage_event` {`_key`: row.key})
ON CREATE SET n += row.props, n.`firstSeenOn` = $observedOn, n.`lastSeenOn` = $observedOn, n.`placeholder` = false
FOREACH (own IN CASE WHEN coalesce(n.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  SET n:`Record`)
WITH head(collect(new6)) AS new6, count(*) AS written1
UNWIND $p2 AS row
MERGE (n:`one_password_secret` {`_key`: row.key})
ON CREATE SET n += row.props, n.`firstSeenOn` = $observedOn, n.`lastSeenOn` = $observedOn, n.`placeholder` = true
FOREACH (own IN CASE WHEN coalesce(n.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  SET n:`Secret`)
WITH head(collect(new6)) AS new6, count(*) AS written2
UNWIND $p3 AS row
MATCH (b:`one_password_user` {`_key`: row.to})
USING INDEX b:`one_password_user`(`_key`)
MERGE (a:`one_password_account` {`_key`: row.from})
ON CREATE SET a += row.fromProps, a.`firstSeenOn` = $observedOn, a.`lastSeenOn` = $observedOn, a.`placeholder` = true, a:`Account`
MERGE (a)-[r:`HAS`]->(b)
ON CREATE SET r.`firstSeenOn` = $observedOn
SET r += row.props, r.`lastSeenOn` = $observedOn
WITH head(collect(new6)) AS new6, count(*) AS written3
UNWIND $p4 AS row
MATCH (a:`one_password_user` {`_key`: row.from})
USING INDEX a:`one_password_user`(`_key`)
WITH new6, row, a
MATCH (b:`one_password_item_usage_event` {`_key`: row.to})
USING INDEX b:`one_password_item_usage_event`(`_key`)
FOREACH (own IN CASE WHEN coalesce(b.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  MERGE (a)-[r:`PERFORMED`]->(b)
  ON CREATE SET r += row.props, r.`firstSeenOn` = $observedOn, r.`lastSeenOn` = $observedOn)
WITH head(collect(new6)) AS new6, count(*) AS written4
UNWIND $p5 AS row
MATCH (a:`one_password_item_usage_event` {`_key`: row.from})
USING INDEX a:`one_password_item_usage_event`(`_key`)
WITH new6, row, a
MATCH (b:`one_password_secret` {`_key`: row.to})
USING INDEX b:`one_password_secret`(`_key`)
FOREACH (own IN CASE WHEN coalesce(a.`account`, row.props.`account`) = row.props.`account` AND coalesce(b.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  MERGE (a)-[r:`ACCESSED`]->(b)
  ON CREATE SET r += row.props, r.`firstSeenOn` = $observedOn, r.`lastSeenOn` = $observedOn)
WITH head(collect(new6)) AS new6, count(*) AS written5
UNWIND new6 AS row
MATCH (u:`one_password_user` {`_key`: row.from})
USING INDEX u:`one_password_user`(`_key`)
WITH row, u
MATCH (s:`one_password_secret` {`_key`: row.to})
USING INDEX s:`one_password_secret`(`_key`)
WHERE coalesce(s.`account`, row.props.`account`) = row.props.`account`
MERGE (u)-[r:`USED`]->(s)
ON CREATE SET r.`firstSeenOn` = $observedOn
SET r += row.props, r.`lastSeenOn` = $observedOn, r.`count` = coalesce(r.`count`, 0) + size(row.records), r.`firstUsedOn` = reduce(m = r.`firstUsedOn`, x IN row.records | CASE WHEN m IS NULL OR x.time < m THEN x.time ELSE m END), r.`lastUsedOn` = reduce(m = r.`lastUsedOn`, x IN row.records | CASE WHEN m IS NULL OR x.time > m THEN x.time ELSE m END), r.`actions` = reduce(v = coalesce(r.`actions`, []), x IN row.records | CASE WHEN x.value IS NULL OR x.value IN v THEN v ELSE v + x.value END)
WITH count(*) AS written6
MERGE (s:`one_password_sync_state` {`_key`: $checkpoint.key})
ON CREATE SET s.`firstSeenOn` = $observedOn
SET s += $checkpoint.props, s.`lastSeenOn` = $observedOn
RETURN count(*) AS batches
