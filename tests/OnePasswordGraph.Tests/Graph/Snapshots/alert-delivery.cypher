MATCH (a:`one_password_alert`)
WHERE a.`account` = $account AND a.`createdOn` >= $oldest
OPTIONAL MATCH (a)-[:`HAS`]->(d:`one_password_alert_delivery`)
WHERE d.`channel` = $channel
WITH a, d WHERE d IS NULL OR d.`status` = $pending
OPTIONAL MATCH (u:`one_password_user` {`_key`: head(a.`flagged`)})
RETURN a.`_key` AS fingerprint, a.`ruleId` AS ruleId, a.`ruleName` AS ruleName, a.`severity` AS severity, a.`summary` AS summary, a.`occurredOn` AS occurredOn, a.`createdOn` AS createdOn, a.`flagged` AS flagged, a.`evidence` AS evidence, u.`email` AS userEmail, u.`name` AS userName
ORDER BY a.`createdOn`, a.`_key`
LIMIT $limit
;
MATCH (a:`one_password_alert` {`_key`: $fingerprint})
MERGE (d:`one_password_alert_delivery` {`_key`: $key})
ON CREATE SET d += $create, d.`firstSeenOn` = $now, d.`placeholder` = false, d.`attempts` = 0, d.`status` = $pending
SET d.`lastSeenOn` = $now
WITH a, d
MERGE (a)-[r:`HAS`]->(d)
ON CREATE SET r += $relationship, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH d, d.`claimHolder` AS holder, d.`status` AS status,
  d.`status` = $pending AND (d.`claimHolder` IS NULL OR d.`claimHolder` = $holder OR d.`claimHolder` = $takeOver OR d.`claimExpiresOn` < $now) AS free
FOREACH (claim IN CASE WHEN free THEN [1] ELSE [] END |
  SET d.`claimHolder` = $holder, d.`claimExpiresOn` = $until, d.`attempts` = d.`attempts` + 1, d.`lastAttemptOn` = $now)
RETURN free AS claimed, holder, status
;
MATCH (d:`one_password_alert_delivery` {`_key`: $key})
SET d.`deliveredOn` = coalesce(d.`deliveredOn`, $now), d.`status` = $delivered, d.`lastSeenOn` = $now
REMOVE d.`lastError`, d.`claimHolder`, d.`claimExpiresOn`
RETURN count(d) AS completed
;
MATCH (d:`one_password_alert_delivery` {`_key`: $key})
WHERE d.`claimHolder` = $holder
SET d.`lastError` = $error, d.`lastSeenOn` = $now
REMOVE d.`claimHolder`, d.`claimExpiresOn`
RETURN count(d) AS released
;
MATCH (a:`one_password_alert` {`_key`: $fingerprint})
MERGE (d:`one_password_alert_delivery` {`_key`: $key})
ON CREATE SET d += $create, d.`firstSeenOn` = $now, d.`placeholder` = false, d.`attempts` = 0, d.`status` = $pending
SET d.`lastSeenOn` = $now
WITH a, d
MERGE (a)-[r:`HAS`]->(d)
ON CREATE SET r += $relationship, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
SET d.`status` = CASE WHEN d.`status` = $pending AND d.`claimHolder` IS NULL THEN $skipped ELSE d.`status` END
RETURN count(d) AS skipped
;
UNWIND $channels AS channel
MATCH (a:`one_password_alert`)
WHERE a.`account` = $account
OPTIONAL MATCH (a)-[:`HAS`]->(d:`one_password_alert_delivery`)
WHERE d.`channel` = channel
WITH channel, a, d WHERE d IS NULL OR d.`status` = $pending
WITH channel, a, d ORDER BY d.`lastAttemptOn` DESC
RETURN channel, sum(CASE WHEN a.`createdOn` >= $oldest THEN 1 ELSE 0 END) AS pending,
  sum(CASE WHEN a.`createdOn` < $oldest THEN 1 ELSE 0 END) AS expired,
  min(CASE WHEN a.`createdOn` >= $oldest THEN a.`createdOn` END) AS oldestPendingOn,
  head(collect(d.`lastError`)) AS lastError
;
MATCH (a:`one_password_alert` {`_key`: 'ab12'})-[:`FLAGS`]->(n) RETURN a, n
