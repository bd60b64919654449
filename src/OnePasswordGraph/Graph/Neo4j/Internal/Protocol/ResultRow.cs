using System.Text.Json;

namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

internal sealed record ResultRow(IReadOnlyList<JsonElement>? Row);
