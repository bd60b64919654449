using System.Text.Json;

namespace OnePasswordGraph.Graph.Internal.Protocol;

internal sealed record ResultRow(IReadOnlyList<JsonElement>? Row);
