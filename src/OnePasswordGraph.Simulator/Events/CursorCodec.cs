using System.Security.Cryptography;
using System.Text.Json;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>Cursors are base64url(JSON state) + "." + base64url(HMAC), so a tampered or foreign cursor is detected.</summary>
internal sealed class CursorCodec(byte[] key)
{
    public string Encode(CursorState state)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object?>
            {
                ["f"] = state.Feature, ["v"] = state.Version, ["a"] = state.AfterSequence, ["h"] = state.ResetHighSequence,
                ["s"] = state.StartMs, ["e"] = state.EndMs, ["l"] = state.Limit,
            },
            SimulatorJsonContext.Default.DictionaryStringObject);
        return Base64Url(json) + "." + Base64Url(HMACSHA256.HashData(key, json));
    }

    public CursorState? Decode(string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        try
        {
            var json = FromBase64Url(cursor[..dot]);
            if (!CryptographicOperations.FixedTimeEquals(FromBase64Url(cursor[(dot + 1)..]), HMACSHA256.HashData(key, json)))
            {
                return null;
            }

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new CursorState(
                root.GetProperty("f").GetString()!, root.GetProperty("v").GetString()!, root.GetProperty("a").GetInt64(), root.GetProperty("h").GetInt64(),
                root.GetProperty("s").GetInt64(), root.GetProperty("e").ValueKind == JsonValueKind.Null ? null : root.GetProperty("e").GetInt64(), root.GetProperty("l").GetInt32());
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
