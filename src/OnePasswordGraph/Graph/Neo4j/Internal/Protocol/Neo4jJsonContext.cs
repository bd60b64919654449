using System.Text.Json.Serialization;

namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(DiscoveryDocument))]
[JsonSerializable(typeof(TransactionResponse))]
internal sealed partial class Neo4jJsonContext : JsonSerializerContext;
