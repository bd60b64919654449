MATCH (a:`one_password_alert`)
WHERE a.`account` = $account AND a.`createdOn` >= $oldest
WITH a ORDER BY a.`createdOn` DESC, a.`_key` LIMIT $limit
OPTIONAL MATCH (a)-[:`FLAGS`]->(f)
WITH a, f ORDER BY f.`_key`
WITH a, collect(f)[0..$width] AS flagged
UNWIND CASE WHEN size(flagged) = 0 THEN [null] ELSE flagged END AS f
OPTIONAL MATCH (f)-[r:`ACCESSED`|`UPDATED`|`PERFORMED`|`HAS`]-(n)
WHERE (startNode(r) = f) = (type(r) IN $outgoing) AND NOT n:`one_password_account` AND NOT n:`one_password_alert`
WITH a, f, r, n ORDER BY n.`_key`
WITH a, f, collect(CASE WHEN r IS NULL THEN null ELSE {relationship: type(r), outgoing: startNode(r) = f, node: n} END)[0..$around] AS around
WITH a, collect(CASE WHEN f IS NULL THEN null ELSE {node: f, around: around} END) AS neighbourhood
RETURN a.`_key` AS fingerprint, a.`ruleId` AS ruleId, a.`ruleName` AS ruleName, a.`severity` AS severity, a.`summary` AS summary, a.`occurredOn` AS occurredOn, a.`createdOn` AS createdOn, neighbourhood
ORDER BY createdOn DESC, fingerprint
