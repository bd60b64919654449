namespace OnePasswordGraph.Rules.Internal;

/// <summary>The slices of a long evaluation window, by their ends (the last is the run's time), and the events counted in it.</summary>
internal sealed record HistorySlices(IReadOnlyList<DateTimeOffset> Ends, long Events);
