using System.Text.Json.Serialization;
using OnePasswordGraph.Sources.Connect.Records;

namespace OnePasswordGraph.Sources.Connect.Internal.Protocol;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(IReadOnlyList<ConnectVault>))]
[JsonSerializable(typeof(IReadOnlyList<ConnectItem>))]
[JsonSerializable(typeof(ConnectItemDetails))]
[JsonSerializable(typeof(ConnectVault))]
[JsonSerializable(typeof(ConnectItem))]
[JsonSerializable(typeof(IReadOnlyList<ConnectFileMetadata>))]
[JsonSerializable(typeof(ConnectHealth))]
[JsonSerializable(typeof(ConnectError))]
internal sealed partial class ConnectJsonContext : JsonSerializerContext;
