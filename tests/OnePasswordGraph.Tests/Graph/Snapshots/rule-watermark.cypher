UNWIND $keys AS key
MATCH (s:`one_password_sync_state` {`_key`: key})
USING INDEX s:`one_password_sync_state`(`_key`)
RETURN s.`_key` AS key, s.`lastEvaluatedOn` AS lastEvaluatedOn
;
MERGE (s:`one_password_sync_state` {`_key`: $key})
ON CREATE SET s.`firstSeenOn` = $now, s.`placeholder` = false
SET s += $props, s.`lastSeenOn` = $now
RETURN s.`lastEvaluatedOn` AS lastEvaluatedOn
