namespace OnePasswordGraph.Simulator.Events;

/// <summary>A request the simulator answered (never with its token).</summary>
public sealed record RequestRecord(string Method, string Path, int Status);
