MATCH (e:`one_password_item_usage_event`)
USING INDEX e:`one_password_item_usage_event`(`timestamp`)
WHERE e.`timestamp` >= $since AND e.`timestamp` <= $now AND e.`account` = $account
RETURN e.`timestamp` / 3600000 AS hour, count(*) AS events
UNION ALL
MATCH (e:`one_password_audit_event`)
USING INDEX e:`one_password_audit_event`(`timestamp`)
WHERE e.`timestamp` >= $since AND e.`timestamp` <= $now AND e.`account` = $account
RETURN e.`timestamp` / 3600000 AS hour, count(*) AS events
UNION ALL
MATCH (e:`one_password_signin_attempt_event`)
USING INDEX e:`one_password_signin_attempt_event`(`timestamp`)
WHERE e.`timestamp` >= $since AND e.`timestamp` <= $now AND e.`account` = $account
RETURN e.`timestamp` / 3600000 AS hour, count(*) AS events
