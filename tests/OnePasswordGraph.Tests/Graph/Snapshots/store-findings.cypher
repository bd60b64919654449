UNWIND $alerts AS row
MERGE (a:`one_password_alert` {`_key`: row.key})
ON CREATE SET a += row.props, a.`firstSeenOn` = $now, a.`createdOn` = $now, a.`status` = $status, a.`createdByRun` = $runId, a.`placeholder` = false, a:`Finding`
WITH a, row, coalesce(a.`occurredOn`, 0) < row.props.`occurredOn` AS newer
SET a.`lastSeenOn` = $now, a.`summary` = CASE WHEN newer THEN row.props.`summary` ELSE a.`summary` END, a.`flagged` = CASE WHEN newer THEN row.props.`flagged` ELSE a.`flagged` END, a.`evidence` = CASE WHEN newer THEN row.props.`evidence` ELSE a.`evidence` END, a.`evidenceCount` = CASE WHEN newer THEN row.props.`evidenceCount` ELSE a.`evidenceCount` END, a.`occurredOn` = CASE WHEN newer THEN row.props.`occurredOn` ELSE a.`occurredOn` END
WITH count(*) AS stored
MATCH (t:`one_password_account`)
USING INDEX t:`one_password_account`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
WITH t, f WHERE t.`account` = f.props.`account`
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType0, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged0
MATCH (t:`one_password_user`)
USING INDEX t:`one_password_user`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType1, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged1
MATCH (t:`one_password_vault`)
USING INDEX t:`one_password_vault`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
WITH t, f WHERE t.`account` = f.props.`account`
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType2, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged2
MATCH (t:`one_password_secret`)
USING INDEX t:`one_password_secret`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
WITH t, f WHERE t.`account` = f.props.`account`
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType3, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged3
MATCH (t:`one_password_item_usage_event`)
USING INDEX t:`one_password_item_usage_event`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
WITH t, f WHERE t.`account` = f.props.`account`
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType4, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged4
MATCH (t:`one_password_audit_event`)
USING INDEX t:`one_password_audit_event`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
WITH t, f WHERE t.`account` = f.props.`account`
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType5, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged5
MATCH (t:`one_password_signin_attempt_event`)
USING INDEX t:`one_password_signin_attempt_event`(`_key`)
WHERE t.`_key` IN $targets
UNWIND $flags[t.`_key`] AS f
WITH t, f WHERE t.`account` = f.props.`account`
MERGE (a:`one_password_alert` {`_key`: f.alert})
MERGE (a)-[r:`FLAGS`]->(t)
ON CREATE SET r += f.props, r.`_type` = $flagType6, r.`firstSeenOn` = $now
SET r.`lastSeenOn` = $now
WITH count(*) AS flagged6
UNWIND $alerts AS row
MERGE (a:`one_password_alert` {`_key`: row.key})
RETURN collect(DISTINCT CASE WHEN a.`createdByRun` = $runId THEN a.`_key` END) AS created
