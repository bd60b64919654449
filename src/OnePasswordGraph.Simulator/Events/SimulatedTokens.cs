using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>Mints tokens that look like Events Reporting JWTs (ES256 header, real claims, a signature nobody checks).</summary>
internal static class SimulatedTokens
{
    public static string Mint(string audienceHost, IReadOnlyList<string> features, string accountUuid, DateTimeOffset issuedAt)
    {
        var header = Encode(Encoding.UTF8.GetBytes("""{"alg":"ES256","typ":"JWT"}"""));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("aud");
            writer.WriteStringValue(audienceHost);
            writer.WriteEndArray();
            writer.WriteString("iss", "com.1password.b5");
            writer.WriteString("sub", Encode(RandomNumberGenerator.GetBytes(10)));
            writer.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            writer.WriteString("jti", Encode(RandomNumberGenerator.GetBytes(12)));
            writer.WriteString("1password.com/auuid", accountUuid);
            writer.WriteStartArray("1password.com/fts");
            foreach (var feature in features)
            {
                writer.WriteStringValue(feature);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return $"{header}.{Encode(buffer.ToArray())}.{Encode(RandomNumberGenerator.GetBytes(64))}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
