namespace OnePasswordGraph.Graph.Schema;

/// <summary>How the nodes of a type relate to the accounts synced into one graph.</summary>
public enum AccountScope
{
    /// <summary>
    /// The key is a 1Password uuid that belongs to one account (an event, a vault, an item). Another account's write
    /// with the same key is a conflict: it is reported and changes nothing of the node that is there.
    /// </summary>
    OwnedByOneAccount,

    /// <summary>The key is a person's uuid, which several accounts can share; each account relates to the one node.</summary>
    SharedAcrossAccounts,

    /// <summary>The key names its account (the account node, sync state, findings), so two accounts never meet on it.</summary>
    KeyedByAccount,
}
