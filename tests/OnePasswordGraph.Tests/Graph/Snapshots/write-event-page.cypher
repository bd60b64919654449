UNWIND $p0 AS row
MERGE (n:`one_password_user` {`_key`: row.key})
ON CREATE SET n.`firstSeenOn` = $observedOn, n.`account` = row.props.`account`
WITH n, row, n.`account` AS owner
SET n += row.props, n.`lastSeenOn` = $observedOn, n.`placeholder` = false, n:`User`:`one_password_item_usage_user`, n.`active` = CASE WHEN $syncTag IS NULL THEN coalesce(n.`active`, true) ELSE true END, n.`syncTag` = coalesce($syncTag, n.`syncTag`), n.`deletedOn` = CASE WHEN $syncTag IS NULL THEN n.`deletedOn` ELSE null END, n.`account` = owner
WITH count(*) AS written0
UNWIND $p1 AS row
MERGE (n:`one_password_item_usage_event` {`_key`: row.key})
ON CREATE SET n += row.props, n.`firstSeenOn` = $observedOn, n.`lastSeenOn` = $observedOn, n.`placeholder` = false, n.`opgCreatedByThisWrite` = true
FOREACH (own IN CASE WHEN coalesce(n.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  SET n:`Record`)
WITH row, n, n.`opgCreatedByThisWrite` IS NOT NULL AS created
REMOVE n.`opgCreatedByThisWrite`
WITH collect(CASE WHEN created THEN row.key END) AS created, count(*) AS written1
UNWIND $p2 AS row
MERGE (n:`one_password_secret` {`_key`: row.key})
ON CREATE SET n += row.props, n.`firstSeenOn` = $observedOn, n.`lastSeenOn` = $observedOn, n.`placeholder` = true
FOREACH (own IN CASE WHEN coalesce(n.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  SET n:`Secret`)
WITH head(collect(created)) AS created, count(*) AS written2
UNWIND $p3 AS row
MERGE (b:`one_password_user` {`_key`: row.to})
MERGE (a:`one_password_account` {`_key`: row.from})
ON CREATE SET a += row.fromProps, a.`firstSeenOn` = $observedOn, a.`lastSeenOn` = $observedOn, a.`placeholder` = true, a:`Account`
MERGE (a)-[r:`HAS`]->(b)
ON CREATE SET r.`firstSeenOn` = $observedOn
SET r += row.props, r.`lastSeenOn` = $observedOn, r.`syncTag` = coalesce($syncTag, r.`syncTag`)
WITH head(collect(created)) AS created, count(*) AS written3
UNWIND $p4 AS row
MERGE (a:`one_password_user` {`_key`: row.from})
MERGE (b:`one_password_item_usage_event` {`_key`: row.to})
FOREACH (own IN CASE WHEN coalesce(b.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  MERGE (a)-[r:`PERFORMED`]->(b)
  ON CREATE SET r += row.props, r.`firstSeenOn` = $observedOn, r.`lastSeenOn` = $observedOn)
WITH head(collect(created)) AS created, count(*) AS written4
UNWIND $p5 AS row
MERGE (a:`one_password_item_usage_event` {`_key`: row.from})
MERGE (b:`one_password_secret` {`_key`: row.to})
FOREACH (own IN CASE WHEN coalesce(a.`account`, row.props.`account`) = row.props.`account` AND coalesce(b.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  MERGE (a)-[r:`ACCESSED`]->(b)
  ON CREATE SET r += row.props, r.`firstSeenOn` = $observedOn, r.`lastSeenOn` = $observedOn)
WITH head(collect(created)) AS created, count(*) AS written5
UNWIND $p6 AS row
WITH row, [x IN row.records WHERE x.key IN created] AS added
WHERE size(added) > 0
MERGE (u:`one_password_user` {`_key`: row.from})
MERGE (s:`one_password_secret` {`_key`: row.to})
WITH row, added, u, s
WHERE coalesce(s.`account`, row.props.`account`) = row.props.`account`
MERGE (u)-[r:`USED`]->(s)
ON CREATE SET r.`firstSeenOn` = $observedOn
SET r += row.props, r.`lastSeenOn` = $observedOn, r.`count` = coalesce(r.`count`, 0) + size(added), r.`firstUsedOn` = reduce(m = r.`firstUsedOn`, x IN added | CASE WHEN m IS NULL OR x.time < m THEN x.time ELSE m END), r.`lastUsedOn` = reduce(m = r.`lastUsedOn`, x IN added | CASE WHEN m IS NULL OR x.time > m THEN x.time ELSE m END), r.`actions` = reduce(v = coalesce(r.`actions`, []), x IN added | CASE WHEN x.value IS NULL OR x.value IN v THEN v ELSE v + x.value END)
WITH count(*) AS written6
MERGE (s:`one_password_sync_state` {`_key`: $checkpoint.key})
ON CREATE SET s.`firstSeenOn` = $observedOn
SET s += $checkpoint.props, s.`lastSeenOn` = $observedOn
RETURN count(*) AS batches
