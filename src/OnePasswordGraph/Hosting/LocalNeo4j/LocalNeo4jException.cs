using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Hosting.LocalNeo4j;

/// <summary>The local Neo4j could not be installed, started or stopped; the message carries the end of its log.</summary>
public sealed class LocalNeo4jException : OnePasswordGraphException
{
    public LocalNeo4jException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
