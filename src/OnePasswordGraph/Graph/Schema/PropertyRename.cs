namespace OnePasswordGraph.Graph.Schema;

/// <summary>A property of <paramref name="Type"/> an earlier version wrote as <paramref name="From"/> and this one writes as <paramref name="To"/>.</summary>
public sealed record PropertyRename(NodeType Type, string From, string To);
