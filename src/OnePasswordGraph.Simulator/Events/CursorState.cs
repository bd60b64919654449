namespace OnePasswordGraph.Simulator.Events;

/// <summary>What an opaque cursor encodes: its stream and version, its position, and the window of its reset.</summary>
internal sealed record CursorState(string Feature, string Version, long AfterSequence, long ResetHighSequence, long StartMs, long? EndMs, int Limit);
