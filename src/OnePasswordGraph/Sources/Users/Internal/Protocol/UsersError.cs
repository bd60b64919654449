using System.Text.Json;

namespace OnePasswordGraph.Sources.Users.Internal.Protocol;

/// <summary>
/// The Users API's error body, Google-API style <c>{"code", "message", "details"}</c>. <c>code</c> is read as a name
/// (<c>InvalidArgument</c>) or as a gRPC number; the OAuth endpoints' RFC 6749 <c>error</c>/<c>error_description</c> too.
/// </summary>
internal sealed record UsersError(JsonElement? Code, string? Message, string? Error, string? ErrorDescription);
