using System.Text.Json;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// Reads the position out of a cursor the Events simulator issued: its first part is the state as base64url JSON,
/// whose <c>a</c> is the sequence of the last event handed out (the signature after the dot only guards it).
/// </summary>
internal static class SimulatorCursor
{
    /// <summary>Gets the sequence of the last event before the cursor, or -1 for no cursor (nothing written yet).</summary>
    public static long PositionOf(string? cursor)
    {
        if (cursor is null)
        {
            return -1;
        }

        var payload = cursor[..cursor.IndexOf('.', StringComparison.Ordinal)].Replace('-', '+').Replace('_', '/');
        var json = Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '='));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("a").GetInt64();
    }
}
