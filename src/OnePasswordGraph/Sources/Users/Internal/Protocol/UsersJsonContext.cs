using System.Text.Json.Serialization;
using OnePasswordGraph.Sources.Users.Records;

namespace OnePasswordGraph.Sources.Users.Internal.Protocol;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(OnePasswordUser))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(UsersError))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class UsersJsonContext : JsonSerializerContext;
