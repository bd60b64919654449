namespace OnePasswordGraph.Graph.Schema;

/// <summary>How the writer treats a node that already exists.</summary>
public enum NodeWriteMode
{
    /// <summary>Properties are updated on every write (inventory, users, sync state).</summary>
    Upsert,

    /// <summary>
    /// The node is an immutable record (an event, a finding): written once, and a replay of the same record changes
    /// nothing, not even a timestamp.
    /// </summary>
    InsertOnly,
}
