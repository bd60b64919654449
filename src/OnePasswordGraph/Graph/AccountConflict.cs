namespace OnePasswordGraph.Graph;

/// <summary>A node one account tried to write that another account already holds: left as it was.</summary>
/// <param name="Type">The node type.</param>
/// <param name="Key">The key both accounts use.</param>
/// <param name="Owner">The account that holds the node.</param>
public sealed record AccountConflict(string Type, string Key, string Owner);
