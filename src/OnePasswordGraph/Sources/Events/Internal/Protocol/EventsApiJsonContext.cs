using System.Text.Json;
using System.Text.Json.Serialization;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(EventEnvelope<JsonElement>))]
[JsonSerializable(typeof(EventEnvelope<ItemUsage>))]
[JsonSerializable(typeof(EventEnvelope<SignInAttempt>))]
[JsonSerializable(typeof(EventEnvelope<AuditEvent>))]
[JsonSerializable(typeof(IntrospectionV2))]
[JsonSerializable(typeof(IntrospectionV1))]
[JsonSerializable(typeof(PageRequestBody))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class EventsApiJsonContext : JsonSerializerContext;
