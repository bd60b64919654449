using System.Text.Json;

namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

/// <summary>The result of one Query API statement: field names and values, read by <c>QueryApiValues</c>.</summary>
internal sealed record QueryData(IReadOnlyList<string>? Fields, IReadOnlyList<JsonElement>? Values);
