using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>
/// Turns a page's malformed elements into quarantine nodes, written with the rest of the page. Pure: the time seen is
/// the node's <c>firstSeenOn</c>, which the writer stamps.
/// </summary>
public static class QuarantineMapper
{
    /// <summary>
    /// The quarantine nodes of a page fetched with <paramref name="pagePosition"/> (the cursor sent, or the reset's
    /// start time). The key hashes the position, the element's index and its JSON, so fetching the same page again
    /// finds the same nodes, and two different elements never share one.
    /// </summary>
    public static IReadOnlyList<GraphEntity> Map(string account, string stream, string apiVersion, string pagePosition, IReadOnlyList<MalformedEvent> malformed)
    {
        ArgumentNullException.ThrowIfNull(malformed);
        return [.. malformed.Select(bad =>
        {
            var position = string.Create(CultureInfo.InvariantCulture, $"{pagePosition}#{bad.Position}");
            return new GraphEntity(QuarantinedEvent, Key(account, stream, position, bad.RawSha256), new Dictionary<string, object?>
            {
                ["name"] = $"{stream} event quarantined: {bad.Reason}",
                ["displayName"] = $"{stream} event quarantined: {bad.Reason}",
                ["stream"] = stream,
                ["reason"] = bad.Reason,
                ["apiVersion"] = apiVersion,
                ["pagePosition"] = position,
                ["rawJson"] = bad.RawJson,
                ["rawBytes"] = (long)bad.RawBytes,
                ["truncated"] = bad.Truncated,
                ["rawSha256"] = bad.RawSha256,
            });
        })];
    }

    /// <summary>Gets the key of a quarantined element: the account and stream in clear, the rest hashed to a fixed length.</summary>
    public static string Key(string account, string stream, string position, string rawSha256)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(position + "\n" + rawSha256)))[..32];
        return $"{account}|quarantine|{stream}|{hash}";
    }
}
