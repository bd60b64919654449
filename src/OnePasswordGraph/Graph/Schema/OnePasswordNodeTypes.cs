using static OnePasswordGraph.Graph.Schema.PropertySets;

namespace OnePasswordGraph.Graph.Schema;

/// <summary>The node types of the OnePasswordGraph data model (docs/data-model.md is generated from these).</summary>
public static class OnePasswordNodeTypes
{
    public static readonly NodeType Account = new(
        "one_password_account", "Account", "A 1Password account synced by OnePasswordGraph.", NodeWriteMode.Upsert,
        Join(NodeCommon, [Str("name", "The account's name in the configuration."), Str("accountUUID", "The 1Password account uuid (from the Events token's introspection)."), Str("eventsIntegrationUUID", "Uuid of the Events Reporting integration the token belongs to."), List("eventsFeatures", "Features the Events token has (auditevents, itemusages, signinattempts).")]),
        []) { AccountScope = AccountScope.KeyedByAccount };

    public static readonly NodeType User = new(
        "one_password_user", "User", "A person seen in any event or listed by the Users API, whatever the role; one node per user uuid.", NodeWriteMode.Upsert,
        Join(NodeCommon, [Str("userUUID", "The user's uuid."), Str("name", "Full name, as the latest event or Users API listing written gave it."), Str("displayName", "Same as name."), Str("email", "Email, as the latest event or Users API listing written gave it.", indexed: true), Str("mspUserType", "user or external_user (v2 user_type, MSP accounts)."), Str("mspUserAccountId", "Account the user belongs to (v2 user_account_uuid, MSP accounts)."), Str("state", "From the Users API: active or suspended (lower case; other values kept as 1Password sends them)."), Int("createdOn", "From the Users API: when the user joined the account (epoch ms)."), Str(GraphProperties.SyncTag, "The id of the last users step whose complete listing contained the user.", indexed: true), Bool(GraphProperties.Active, "False once a complete Users API listing no longer contains the user (removed from the account; the node and its events stay)."), Int(GraphProperties.DeletedOn, "When a complete Users API listing first missed the user (epoch ms).")]),
        ["one_password_item_usage_user", "one_password_signin_attempt_target_user", "one_password_audit_event_actor_details", "one_password_audit_event_object_details", "one_password_audit_event_aux_details"]) { AccountScope = AccountScope.SharedAcrossAccounts };

    public static readonly NodeType Vault = new(
        "one_password_vault", "Vault", "A vault, from Connect (or a placeholder from events when Connect cannot see it).", NodeWriteMode.Upsert,
        Join(NodeCommon, Inventory, [Str("vaultUUID", "The vault's uuid.", indexed: true), Str("name", "Vault name."), Str("displayName", "Same as name."), Str("description", "Vault description."), Str("type", "USER_CREATED, PERSONAL, EVERYONE or TRANSFER."), Int("attributeVersion", "Version of the vault's attributes."), Int("contentVersion", "Version of the vault's contents."), Int("itemsCount", "Number of active items.")]),
        []);

    public static readonly NodeType Secret = new(
        "one_password_secret", "Secret", "An item's metadata, from Connect; never a field value, one-time code or file content.", NodeWriteMode.Upsert,
        Join(NodeCommon, Inventory, [Str("itemUUID", "The item's uuid.", indexed: true), Str("vaultUUID", "The vault holding the item.", indexed: true), Str("vaultId", "Same as vaultUUID (JupiterOne's name)."), Str("vaultName", "Name of the vault holding the item (from the vault listing)."), Str("name", "Item title."), Str("displayName", "Same as name."), Str("category", "Item category (LOGIN, PASSWORD, API_CREDENTIAL, ...)."), List("tags", "Item tags."), Bool("favorite", "Whether the item is a favourite."), Int("version", "Item version."), Str("state", "ARCHIVED or DELETED; absent when active in 1Password."), List("urls", "Item URLs without user info, query string or fragment."), Str("primaryUrl", "The primary URL, cleaned the same way."), Str("lastEditedBy", "Uuid of the user who last edited the item."), List("sectionLabels", "Labels of the item's sections (only with FetchItemDetails)."), List("fileNames", "Names of the item's files (only with FetchItemDetails)."), Int("detailsVersion", "Item version whose details the integration last read (only with FetchItemDetails)."), Int("detailsReadOn", "When the integration last read the item's details through Connect (epoch ms); 1Password records that read as item usage.")]),
        []);

    public static readonly NodeType ItemUsageEvent = new(
        "one_password_item_usage_event", "Record", "An item usage from the Events API: someone filled, revealed, copied, exported... an item.", NodeWriteMode.InsertOnly,
        Join(NodeCommon, Event, Client, Location, [Str("mspAccountUUID", "Account where the action happened (v2 account_uuid, MSP accounts)."), Str("action", "fill, reveal, secure-copy, export, server-fetch, ... (unknown values kept)."), Int("usedVersion", "Item version that was used."), Str("vaultUUID", "Vault of the item.", indexed: true), Str("itemUUID", "The item.", indexed: true), Str("userUUID", "Who used it.", indexed: true)]),
        []);

    public static readonly NodeType AuditEvent = new(
        "one_password_audit_event", "Record", "An audit event from the Events API: what an actor changed.", NodeWriteMode.InsertOnly,
        Join(NodeCommon, Event, Location, [Str("action", "Audit action code (grant, revoke, disblmfa, ... unknown values kept)."), Str("actorUUID", "Who did it.", indexed: true), Str("actorType", "user or external_user (v2)."), Str("actorAccountUUID", "Account of the actor (v2)."), Str("accountUUID", "Account where the action happened (v2)."), Str("objectType", "Object type code (vault, uva, gm, user, ...)."), Str("objectUUID", "The object acted on.", indexed: true), Int("auxId", "Auxiliary id (e.g. a device)."), Str("auxUUID", "Auxiliary uuid (e.g. a user joining a group)."), Str("auxInfo", "Auxiliary free text."), Str("sessionUUID", "Session of the actor."), Str("sessionIP", "IP of the actor's session."), Int("sessionLoginOn", "When the session began (epoch ms)."), Str("sessionDeviceUUID", "Device of the session.")]),
        []);

    public static readonly NodeType SignInAttemptEvent = new(
        "one_password_signin_attempt_event", "Record", "A sign-in attempt from the Events API.", NodeWriteMode.InsertOnly,
        Join(NodeCommon, Event, Client, Location, [Str("sessionUUID", "Session of the attempt."), Str("category", "success, credentials_failed, mfa_failed, ... (unknown values kept).", indexed: true), Str("type", "credentials_ok, mfa_ok, country_blocked, ... (unknown values kept)."), Str("details", "Extra information, such as the firewall rule's matched value."), Str("mspAccountUUID", "Account of the attempt (v2 account_uuid, MSP accounts)."), Str("targetUserUUID", "The target user.", indexed: true)]),
        []);

    public static readonly NodeType SyncState = new(
        "one_password_sync_state", null, "Cursors, run bookkeeping and the lease of one (account, stream).", NodeWriteMode.Upsert,
        Join(NodeCommon, [Str("stream", "itemusages, auditevents, signinattempts, inventory, run, lease, rule:{id} for an alert rule's evaluation, or suspend-user-cap on the one node (_key *:suspend-user-cap, no account) that every account's suspend-user response reserves its hourly places on."), Str("cursor", "The Events API cursor that follows the last page written."), Str("apiVersion", "The API version the cursor belongs to."), Int("updatedOn", "When the cursor or bookkeeping last changed (epoch ms)."), Int("lastEventTimestamp", "Newest event time seen on the stream (epoch ms)."), Int("eventsWritten", "Events written by the run so far."), Str("lastRunId", "Id of the last run."), Str("lastRunOutcome", "succeeded or failed."), Str("lastRunSummary", "The last run summary as JSON."), Int("lastRunStartedOn", "When the last run began (epoch ms)."), Int("lastRunFinishedOn", "When the last run ended (epoch ms)."), Int("lastSucceededOn", "When the last run that succeeded ended (epoch ms); failed runs leave it as it was."), Str("leaseHolder", "Process holding the account's lease."), Int("leaseExpiresOn", "When the lease lapses unless renewed (epoch ms)."), Int("leaseAcquiredOn", "When the current holder took the lease (epoch ms)."), List("reservations", "On the suspend-user-cap node: the places taken under the hourly cap, each the epoch ms of the reservation and an id; those over an hour old are dropped at the next reservation."), Int("lastEvaluatedOn", "When the alert rule was last evaluated and its findings stored (epoch ms); the next window starts at this minus the rule's lookback.")]),
        []) { AccountScope = AccountScope.KeyedByAccount };

    public static readonly NodeType Alert = new(
        "one_password_alert", "Finding", "A finding of an alert rule; _key is its fingerprint (rule, account, dedup key), so finding it again only refreshes lastSeenOn.", NodeWriteMode.InsertOnly,
        Join(NodeCommon, [Str("ruleId", "The rule's id.", indexed: true), Str("ruleName", "The rule's name."), Str("name", "The rule's name (the caption in Neo4j Browser)."), Str("displayName", "Same as name."), Str("severity", "info, low, medium, high or critical.", indexed: true), Str("summary", "One-line summary of the finding; names entities, never a secret value."), Int("occurredOn", "When it happened, usually the newest evidence event (epoch ms).", indexed: true), Int("createdOn", "When the finding was first raised (epoch ms)."), Str("status", "open when raised; never changed by a rerun.", indexed: true), List("tags", "The rule's tags, such as MITRE ATT&CK techniques."), Str("dedupKey", "What makes two results of the rule the same finding."), List("flagged", "Keys of the flagged entities, the responsible user first."), List("evidence", "Keys of the evidence events (at most 50)."), Int("evidenceCount", "Number of evidence events kept."), Str("createdByRun", "Id of the alert run that raised the finding.")]),
        []) { AccountScope = AccountScope.KeyedByAccount };

    public static readonly NodeType AlertDelivery = new(
        "one_password_alert_delivery", null, "A finding's delivery to one channel (a sink or a response); _key joins the fingerprint, the word delivery and the channel with vertical bars. The outbox: absent or undelivered means the channel still owes it.", NodeWriteMode.Upsert,
        Join(NodeCommon, [Str("channel", "jsonl, webhook, slack or suspend-user.", indexed: true), Str("status", "pending until the channel accepted the finding, then delivered."), Int("attempts", "Delivery attempts so far."), Int("lastAttemptOn", "When the last attempt began (epoch ms)."), Int("deliveredOn", "When the channel accepted the finding (epoch ms); never set again."), Str("lastError", "Why the last attempt failed; removed once delivered."), Str("claimHolder", "Process delivering it right now (host:pid:command:id)."), Int("claimExpiresOn", "When an unfinished claim lapses and another process may deliver (epoch ms).")]),
        []) { AccountScope = AccountScope.KeyedByAccount };

    public static readonly NodeType ResponseAction = new(
        "one_password_response_action", "Record", "An action taken (or, in a dry run, not taken) on a user through the Users API, by the suspend-user response or the users command.", NodeWriteMode.InsertOnly,
        Join(NodeCommon, [Str("name", "A one-line label for Neo4j Browser."), Str("displayName", "Same as name."), Str("action", "suspend or reactivate.", indexed: true), Str("result", "suspended, reactivated, dry-run, refused, skipped-protected, skipped-cap or failed.", indexed: true), Str("error", "Why it was refused or failed, as the API said it."), Bool("dryRun", "Whether it was a dry run (nothing was sent to 1Password)."), Str("targetUserUUID", "The user acted on.", indexed: true), Int("requestedOn", "When the action was requested (epoch ms).", indexed: true), Str("ruleId", "The rule of the finding that triggered it; absent for the users command."), Str("findingFingerprint", "The _key of the finding that triggered it; absent for the users command."), Str("requestedBy", "suspend-user (the response) or cli (the users command).")]),
        []);

    public static readonly NodeType QuarantinedEvent = new(
        "one_password_quarantined_event", null, "An element of an Events API page that could not be read as an event (not an object, no uuid, a bad timestamp, too large, a field of the wrong kind), kept instead of dropped; the rest of its page was written. _key joins the account, the word quarantine, the stream and a hash of the page position and the raw JSON, so a replayed page finds the same node.", NodeWriteMode.InsertOnly,
        Join(NodeCommon, [Str("name", "A one-line label for Neo4j Browser."), Str("displayName", "Same as name."), Str("stream", "itemusages, auditevents or signinattempts.", indexed: true), Str("reason", "not_an_object, no_uuid, bad_timestamp, too_large or unreadable.", indexed: true), Str("apiVersion", "The Events API version (v1 or v2) of the page."), Str("pagePosition", "The cursor the page was fetched with (or the reset's start time) and the element's index in the page."), Str("rawJson", "The element's JSON as received, cut to its first 8 KiB (8,192 UTF-8 bytes)."), Int("rawBytes", "The element's full size in UTF-8 bytes."), Bool("truncated", "True when rawJson is only the start of the element."), Str("rawSha256", "SHA-256 of the element's full JSON (hex).")]),
        []) { AccountScope = AccountScope.KeyedByAccount };

    /// <summary>Gets every declared node type, in the order docs and schema statements list them.</summary>
    public static IReadOnlyList<NodeType> All { get; } = [Account, User, Vault, Secret, ItemUsageEvent, AuditEvent, SignInAttemptEvent, SyncState, Alert, AlertDelivery, ResponseAction, QuarantinedEvent];
}
