UNWIND $p0 AS row
MERGE (n:`one_password_vault` {`_key`: row.key})
ON CREATE SET n.`firstSeenOn` = $observedOn, n.`account` = row.props.`account`
FOREACH (own IN CASE WHEN coalesce(n.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  SET n += row.props, n.`lastSeenOn` = $observedOn, n.`placeholder` = false, n:`Vault`, n.`active` = CASE WHEN $syncTag IS NULL THEN coalesce(n.`active`, true) ELSE true END, n.`syncTag` = coalesce($syncTag, n.`syncTag`), n.`deletedOn` = CASE WHEN $syncTag IS NULL THEN n.`deletedOn` ELSE null END)
WITH count(*) AS written0
UNWIND $p1 AS row
MERGE (n:`one_password_secret` {`_key`: row.key})
ON CREATE SET n.`firstSeenOn` = $observedOn, n.`account` = row.props.`account`
FOREACH (own IN CASE WHEN coalesce(n.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  SET n += row.props, n.`lastSeenOn` = $observedOn, n.`placeholder` = false, n:`Secret`, n.`active` = CASE WHEN $syncTag IS NULL THEN coalesce(n.`active`, true) ELSE true END, n.`syncTag` = coalesce($syncTag, n.`syncTag`), n.`deletedOn` = CASE WHEN $syncTag IS NULL THEN n.`deletedOn` ELSE null END)
WITH count(*) AS written1
UNWIND $p2 AS row
MERGE (a:`one_password_account` {`_key`: row.from})
ON CREATE SET a += row.fromProps, a.`firstSeenOn` = $observedOn, a.`lastSeenOn` = $observedOn, a.`placeholder` = true, a:`Account`
MERGE (b:`one_password_vault` {`_key`: row.to})
ON CREATE SET b += row.toProps, b.`firstSeenOn` = $observedOn, b.`lastSeenOn` = $observedOn, b.`placeholder` = true, b:`Vault`
FOREACH (own IN CASE WHEN coalesce(b.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  MERGE (a)-[r:`HAS`]->(b)
  ON CREATE SET r.`firstSeenOn` = $observedOn
  SET r += row.props, r.`lastSeenOn` = $observedOn, r.`syncTag` = coalesce($syncTag, r.`syncTag`))
WITH count(*) AS written2
UNWIND $p3 AS row
MERGE (a:`one_password_vault` {`_key`: row.from})
ON CREATE SET a += row.fromProps, a.`firstSeenOn` = $observedOn, a.`lastSeenOn` = $observedOn, a.`placeholder` = true, a:`Vault`
MERGE (b:`one_password_secret` {`_key`: row.to})
ON CREATE SET b += row.toProps, b.`firstSeenOn` = $observedOn, b.`lastSeenOn` = $observedOn, b.`placeholder` = true, b:`Secret`
FOREACH (own IN CASE WHEN coalesce(a.`account`, row.props.`account`) = row.props.`account` AND coalesce(b.`account`, row.props.`account`) = row.props.`account` THEN [1] ELSE [] END |
  MERGE (a)-[r:`HAS`]->(b)
  ON CREATE SET r.`firstSeenOn` = $observedOn
  SET r += row.props, r.`lastSeenOn` = $observedOn, r.`syncTag` = coalesce($syncTag, r.`syncTag`))
WITH count(*) AS written3
RETURN count(*) AS batches
