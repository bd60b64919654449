using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>The JSON-lines file sink: where to append, and the least severity it receives.</summary>
public sealed record JsonlSinkSettings(string Path, AlertSeverity MinSeverity);
