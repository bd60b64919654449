using System.Text.Json.Serialization;

namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

// EXPLAIN and PROFILE answers carry the query plan, two levels of JSON per operator: rule queries plan deeper than
// the default limit of 64.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = false, MaxDepth = 512)]
[JsonSerializable(typeof(DiscoveryDocument))]
[JsonSerializable(typeof(TransactionResponse))]
[JsonSerializable(typeof(QueryResponse))]
internal sealed partial class Neo4jJsonContext : JsonSerializerContext;
