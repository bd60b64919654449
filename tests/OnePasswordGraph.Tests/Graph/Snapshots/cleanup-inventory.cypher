MATCH (n:`one_password_vault`)
WHERE n.`account` = $account AND n.`active` = true AND n.`syncTag` <> $syncTag
WITH n LIMIT $limit
SET n.`active` = false, n.`deletedOn` = $now
RETURN count(n) AS cleaned
;
MATCH (n:`one_password_secret`)
WHERE n.`account` = $account AND n.`active` = true AND n.`syncTag` <> $syncTag AND n.`vaultUUID` IN $scope
WITH n LIMIT $limit
SET n.`active` = false, n.`deletedOn` = $now
RETURN count(n) AS cleaned
;
MATCH (a:`one_password_vault`)-[r:`HAS`]->(:`one_password_secret`)
WHERE r.`account` = $account AND r.`syncTag` <> $syncTag AND a.`vaultUUID` IN $scope
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH (a:`one_password_account`)-[r:`HAS`]->(:`one_password_vault`)
WHERE r.`account` = $account AND r.`syncTag` <> $syncTag
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS cleaned
;
MATCH (:`one_password_account` {`_key`: $account})-[m:`HAS`]->(n:`one_password_user`)
WHERE (m.`syncTag` IS NOT NULL AND m.`syncTag` <> $syncTag)
   OR (m.`syncTag` IS NULL AND n.`active` = true AND n.`syncTag` IS NOT NULL AND size([(:`one_password_account`)-[other:`HAS`]->(n) WHERE other.`syncTag` IS NOT NULL | other]) = 0)
WITH m, n LIMIT $limit
REMOVE m.`syncTag`
WITH m, n, size([(:`one_password_account`)-[other:`HAS`]->(n) WHERE other.`syncTag` IS NOT NULL | other]) AS listed
FOREACH (gone IN CASE WHEN listed = 0 AND n.`active` = true THEN [1] ELSE [] END |
  SET n.`active` = false, n.`deletedOn` = $now)
RETURN count(m) AS cleaned
