using System.Net;

namespace OnePasswordGraph.Hosting.Configuration.Internal;

/// <summary>The rule for every configured URL: https, except plain http to loopback hosts (or where explicitly allowed).</summary>
internal static class Urls
{
    public static Uri? Check(string key, string value, bool allowInsecure, List<string> problems)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{key} '{Display(value)}' is not an absolute http(s) URL.");
            return null;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            problems.Add($"{key} must not carry credentials in the URL; use the Token, TokenFile, Password or PasswordFile keys.");
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url) && !allowInsecure)
        {
            problems.Add($"{key} '{url}' uses plain http; use https:// (plain http is accepted only for loopback hosts such as 127.0.0.1 or localhost{InsecureHint(key)}).");
            return null;
        }

        return url;
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // A URL that failed to parse might hold anything, a pasted token included: show only its start.
    private static string Display(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string InsecureHint(string key) =>
        key.Contains(":Connect:", StringComparison.Ordinal) ? ", or with Connect:AllowInsecureHttp=true for a Connect server on a private network"
        : key.StartsWith("Neo4j:", StringComparison.Ordinal) ? ", or with Neo4j:AllowInsecureHttp=true for a Neo4j on a private container network"
        : string.Empty;
}
