MATCH (s:`one_password_sync_state`) WHERE s.`_key` IN $keys RETURN s.`stream` AS stream, s.`updatedOn` AS updatedOn, s.`lastEventTimestamp` AS lastEventTimestamp, s.`eventsWritten` AS eventsWritten, s.`lastRunId` AS lastRunId, s.`lastRunOutcome` AS lastRunOutcome, s.`lastRunStartedOn` AS lastRunStartedOn, s.`lastRunFinishedOn` AS lastRunFinishedOn, s.`lastRunSummary` AS lastRunSummary, s.`leaseHolder` AS leaseHolder, s.`leaseExpiresOn` AS leaseExpiresOn;
MATCH (n:`one_password_account`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_user`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_vault`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_secret`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_item_usage_event`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_audit_event`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_signin_attempt_event`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_sync_state`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_alert`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH (n:`one_password_alert_delivery`) WHERE n.`account` = $account RETURN count(n) AS c;
MATCH ()-[r:`PERFORMED`]->() WHERE r.`account` = $account RETURN r.`_type` AS type, count(r) AS c;
MATCH ()-[r:`UPDATED`]->() WHERE r.`account` = $account RETURN r.`_type` AS type, count(r) AS c;
MATCH ()-[r:`HAS`]->() WHERE r.`account` = $account RETURN r.`_type` AS type, count(r) AS c;
MATCH ()-[r:`ACCESSED`]->() WHERE r.`account` = $account RETURN r.`_type` AS type, count(r) AS c;
MATCH ()-[r:`USED`]->() WHERE r.`account` = $account RETURN r.`_type` AS type, count(r) AS c;
MATCH ()-[r:`FLAGS`]->() WHERE r.`account` = $account RETURN r.`_type` AS type, count(r) AS c
