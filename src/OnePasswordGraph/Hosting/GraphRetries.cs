using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Hosting;

/// <summary>The retry pipelines of the two remote systems: Neo4j, and the 1Password APIs.</summary>
public sealed record GraphRetries(TransientRetry Neo4j, TransientRetry OnePassword);
