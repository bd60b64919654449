using System.Security.Cryptography;
using System.Text;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>The stable identity of a finding: the same rule, account and dedup key always give the same fingerprint.</summary>
internal static class FindingFingerprint
{
    public static string Of(string ruleId, string account, string dedupKey)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(ruleId + "\n" + account + "\n" + dedupKey));
        return Convert.ToHexStringLower(bytes);
    }
}
