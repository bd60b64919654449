using OnePasswordGraph.Delivery.Response;
using OnePasswordGraph.Hosting.Configuration.Internal;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sources.Users;

namespace OnePasswordGraph.Hosting.Configuration;

public static partial class ConfigurationResolver
{
    private static SuspendUserSettings? ResolveSuspendUser(SuspendUserOptions options, bool noUsersApi, List<string> problems)
    {
        const string Prefix = "Alerts:Response:SuspendUser";
        Annotations(Prefix, options, problems);
        if (!options.Enabled)
        {
            return null;
        }

        var before = problems.Count;
        AlertSeverity? minSeverity = null;
        if (!string.IsNullOrWhiteSpace(options.MinSeverity))
        {
            if (Enum.TryParse<AlertSeverity>(options.MinSeverity.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                minSeverity = parsed;
            }
            else
            {
                problems.Add($"{Prefix}:MinSeverity '{options.MinSeverity}' is not a severity; use info, low, medium, high or critical.");
            }
        }

        var ruleIds = Split(options.RuleIds).ToHashSet(StringComparer.Ordinal);
        if (ruleIds.Count == 0 && string.IsNullOrWhiteSpace(options.MinSeverity))
        {
            problems.Add($"{Prefix}:Enabled is true but nothing says which findings suspend a user; set {Prefix}:RuleIds (e.g. Alerts__Response__SuspendUser__RuleIds__0=<rule id>) and/or {Prefix}:MinSeverity (e.g. critical).");
        }

        if (noUsersApi)
        {
            problems.Add($"{Prefix}:Enabled is true but no account has the Users API configured; set OnePassword:Users:ClientId, ClientSecret (or ClientSecretFile) and BaseUrl, or turn the response off.");
        }

        return problems.Count == before
            ? new SuspendUserSettings(ruleIds, minSeverity, options.DryRun, Split(options.ProtectedUsers).ToHashSet(StringComparer.OrdinalIgnoreCase), options.MaxPerHour)
            : null;

        static IEnumerable<string> Split(IEnumerable<string> values) =>
            values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static UsersSettings? ResolveUsers(string prefix, UsersOptions options, bool hasEvents, List<string> problems)
    {
        Annotations(prefix, options, problems);
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            if (!string.IsNullOrEmpty(options.BaseUrl) || !string.IsNullOrEmpty(options.ClientSecret) || !string.IsNullOrEmpty(options.ClientSecretFile))
            {
                problems.Add($"{prefix}:ClientId is missing; set the client id of the Users API OAuth application, or remove the other {prefix} keys to leave the Users API off.");
            }

            return null;
        }

        Uri? url = null;
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            problems.Add($"{prefix}:BaseUrl is missing; set the regional Users API host, e.g. https://api.1password.com (.ca, .eu).");
        }
        else
        {
            url = Urls.Check($"{prefix}:BaseUrl", options.BaseUrl, allowInsecure: false, problems);
        }

        var accountId = string.IsNullOrWhiteSpace(options.AccountId) ? null : options.AccountId.Trim();
        if (accountId is null && !hasEvents)
        {
            problems.Add($"{prefix}:AccountId is missing; without an Events token to introspect, set the 1Password account id (the account_uuid of the Events API introspection, or from the account's URL in 1Password.com).");
        }

        var secret = Secrets.Read($"{prefix}:ClientSecret", options.ClientSecret, $"{prefix}:ClientSecretFile", options.ClientSecretFile, "the OAuth application's client secret", problems);
        return url is null || secret is null || (accountId is null && !hasEvents)
            ? null
            : new UsersSettings(url, accountId, options.ClientId.Trim(), secret, options.RequestTimeout, options.PageSize);
    }
}
