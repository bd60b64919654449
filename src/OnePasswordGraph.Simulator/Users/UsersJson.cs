using System.Text.Json;

namespace OnePasswordGraph.Simulator.Users;

/// <summary>The Users API's JSON shapes, written by hand so they stay exactly the documented field names.</summary>
internal static class UsersJson
{
    public static void User(Utf8JsonWriter writer, string accountId, SimulatedUser user)
    {
        writer.WriteStartObject();
        writer.WriteString("id", user.Id);
        writer.WriteString("email", user.Email);
        writer.WriteString("display_name", user.DisplayName);
        writer.WriteString("state", user.State);
        writer.WriteString("create_time", user.CreateTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("path", $"accounts/{accountId}/users/{user.Id}");
        writer.WriteEndObject();
    }

    /// <summary>The resource endpoints' error body (Google API style; the exact shape is undocumented).</summary>
    public static byte[] Error(string code, string message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteStartArray("details");
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>The OAuth endpoints' error body (RFC 6749 section 5.2).</summary>
    public static byte[] OAuthError(string error, string description) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("error", error);
        writer.WriteString("error_description", description);
        writer.WriteEndObject();
    });

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
