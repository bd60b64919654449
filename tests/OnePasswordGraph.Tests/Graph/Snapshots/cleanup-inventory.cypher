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
