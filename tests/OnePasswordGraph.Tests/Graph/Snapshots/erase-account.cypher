MATCH ()-[r:`PERFORMED`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`UPDATED`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`HAS`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`ACCESSED`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`USED`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`FLAGS`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`TRIGGERED`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH ()-[r:`IMPACTS`]->()
WHERE r.`account` = $account
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_account`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_account`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_user`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_user`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_vault`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_vault`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_secret`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_secret`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_item_usage_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_item_usage_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_audit_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_audit_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_signin_attempt_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_signin_attempt_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_sync_state`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_sync_state`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_alert`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_alert`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_alert_delivery`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_alert_delivery`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_response_action`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_response_action`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_quarantined_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS degree
WHERE degree = 0
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS cleaned
;
MATCH (n:`one_password_quarantined_event`)
WHERE n.`account` = $account AND NOT n.`_key` IN $keep
WITH n LIMIT $limit
MATCH (n)-[r]-()
WITH n, collect(r.`account`)[0] AS other
SET n.`account` = other
RETURN count(*) AS cleaned
