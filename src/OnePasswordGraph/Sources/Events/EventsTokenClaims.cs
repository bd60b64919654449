using System.Text;
using System.Text.Json;

namespace OnePasswordGraph.Sources.Events;

/// <summary>
/// What an Events token says about itself, read from its JWT payload without verifying it (as 1Password's own
/// connectors do): the events host it was issued for (<c>aud[0]</c>) and its features (<c>1password.com/fts</c>).
/// </summary>
public sealed record EventsTokenClaims(string? Audience, IReadOnlyList<string> Features)
{
    /// <summary>Reads the claims, or returns null when the token is not a readable JWT.</summary>
    public static EventsTokenClaims? TryRead(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            var root = document.RootElement;
            var audience = root.TryGetProperty("aud", out var aud)
                ? aud.ValueKind == JsonValueKind.Array ? aud.EnumerateArray().Select(a => a.GetString()).FirstOrDefault() : aud.GetString()
                : null;
            var features = root.TryGetProperty("1password.com/fts", out var fts) && fts.ValueKind == JsonValueKind.Array
                ? fts.EnumerateArray().Select(f => f.GetString()).OfType<string>().ToList()
                : [];
            return new EventsTokenClaims(audience, features);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Gets the host the token was issued for, when the audience is a host (old tokens carry none).</summary>
    public string? EventsHost => Audience is { } aud && aud.Contains('.', StringComparison.Ordinal) && !aud.StartsWith("com.", StringComparison.Ordinal) ? aud : null;
}
