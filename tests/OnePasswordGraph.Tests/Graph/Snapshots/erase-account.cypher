MATCH (n:`one_password_account`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_user`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_vault`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_secret`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_item_usage_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_audit_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_signin_attempt_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_sync_state`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_alert`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS cleaned
