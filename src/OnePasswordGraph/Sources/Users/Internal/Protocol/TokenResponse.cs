namespace OnePasswordGraph.Sources.Users.Internal.Protocol;

/// <summary>The token endpoint's answer, RFC 6749 section 5.1 (the Users API documents no other shape).</summary>
internal sealed record TokenResponse(string? AccessToken, string? TokenType, long? ExpiresIn);
