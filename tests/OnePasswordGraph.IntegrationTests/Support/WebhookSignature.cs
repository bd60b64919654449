using System.Security.Cryptography;
using System.Text;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>Verifies a webhook the way the README tells a receiver to, written apart from the product's signing code.</summary>
internal static class WebhookSignature
{
    public static bool IsValid(ReceivedRequest request, string secret)
    {
        var timestamp = request.Header("X-OnePasswordGraph-Timestamp");
        var signature = request.Header("X-OnePasswordGraph-Signature");
        if (timestamp is null || signature is null || !signature.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash([.. Encoding.UTF8.GetBytes(timestamp + "."), .. request.Body]);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature["sha256=".Length..]));
    }
}
