using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Neo4j;

namespace OnePasswordGraph.Graph.Internal;

internal static partial class Neo4jLog
{
    [LoggerMessage(EventId = 2001, EventName = "Neo4jDiscovered", Level = LogLevel.Information,
        Message = "Connected to Neo4j {Version} ({Edition}) at {Url}")]
    public static partial void Discovered(ILogger logger, string url, Neo4jVersion version, string edition);

    [LoggerMessage(EventId = 2002, EventName = "Neo4jUnreadableErrorBody", Level = LogLevel.Debug,
        Message = "Neo4j answered HTTP {StatusCode} with a body that is not its error JSON: {Reason}")]
    public static partial void UnreadableErrorBody(ILogger logger, int statusCode, string reason);

    [LoggerMessage(EventId = 2003, EventName = "SchemaApplied", Level = LogLevel.Information,
        Message = "Graph schema applied for Neo4j {Version}: {StatementCount} statements")]
    public static partial void SchemaApplied(ILogger logger, Neo4jVersion version, int statementCount);

    [LoggerMessage(EventId = 2004, EventName = "BatchWritten", Level = LogLevel.Debug,
        Message = "Wrote a batch of {RowCount} rows in {DurationMs} ms")]
    public static partial void BatchWritten(ILogger logger, int rowCount, long durationMs);

    [LoggerMessage(EventId = 2005, EventName = "AccountConflict", Level = LogLevel.Warning,
        Message = "Account {Account} wrote {Count} {Type} that account {Owner} already holds (e.g. {Keys}); kept {Owner}'s data as it was and skipped those writes. "
            + "Two accounts never share event, vault or item uuids: check that one 1Password account is not configured twice, or that the demo and the simulator do not share a graph")]
    public static partial void AccountConflict(ILogger logger, string account, int count, string type, string owner, string keys);

    [LoggerMessage(EventId = 2006, EventName = "PropertiesMigrated", Level = LogLevel.Information,
        Message = "Graph migration {MigrationId} ran: {ChangeCount} property renames or link removals, {MovedCount} node properties moved or links removed")]
    public static partial void Migrated(ILogger logger, string migrationId, int changeCount, long movedCount);

    [LoggerMessage(EventId = 2007, EventName = "Neo4jProtocolChosen", Level = LogLevel.Information,
        Message = "Talking to Neo4j at {Url} through the {Protocol}: {Reason}")]
    public static partial void ProtocolChosen(ILogger logger, string url, string protocol, string reason);

    [LoggerMessage(EventId = 2008, EventName = "Neo4jRollbackRefused", Level = LogLevel.Debug,
        Message = "Neo4j answered HTTP {StatusCode} to rolling back a Query API transaction; it ends on its own when it expires")]
    public static partial void RollbackRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 2009, EventName = "Neo4jRollbackFailed", Level = LogLevel.Debug,
        Message = "Rolling back a Query API transaction failed ({Reason}); it ends on its own when it expires")]
    public static partial void RollbackFailed(ILogger logger, string reason);
}
