using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting.Configuration.Internal;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// Turns configuration into validated settings before anything is fetched. Every problem is reported at once, each
/// naming its key and what would be valid; no message contains a token or password.
/// </summary>
public static partial class ConfigurationResolver
{
    public const string DefaultAccountName = "default";

    /// <summary>The OpenTelemetry standard variable; when set, metrics are exported with OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Resolves and validates <paramref name="configuration"/>; <paramref name="scope"/> says whether 1Password settings are needed.</summary>
    /// <exception cref="ConfigurationException">Something is missing or invalid; every problem is listed.</exception>
    public static ResolvedConfiguration Resolve(IConfiguration configuration, ConfigurationScope scope = ConfigurationScope.Full)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var warnings = new List<string>();
        var onePassword = Bind<OnePasswordOptions>(configuration, "OnePassword", problems) ?? new OnePasswordOptions();
        var neo4jOptions = Bind<Neo4jOptions>(configuration, "Neo4j", problems) ?? new Neo4jOptions();
        var syncOptions = Bind<SyncOptions>(configuration, "Sync", problems) ?? new SyncOptions();
        var alertsOptions = Bind<AlertsOptions>(configuration, "Alerts", problems) ?? new AlertsOptions();

        var accounts = new List<AccountSettings>();
        var declared = AccountsOf(onePassword, scope, problems);
        foreach (var (prefix, account) in declared)
        {
            if (ResolveAccount(prefix, account, scope, problems, warnings) is { } resolved)
            {
                accounts.Add(resolved);
            }
        }

        foreach (var duplicate in declared.GroupBy(a => a.Account.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Key is not null && g.Count() > 1))
        {
            problems.Add($"OnePassword:Accounts: the name '{duplicate.Key}' is used by {duplicate.Count()} accounts; names must be unique.");
        }

        var neo4j = ResolveNeo4j(neo4jOptions, problems, warnings);
        Annotations("Sync", syncOptions, problems);
        if (syncOptions.Jitter >= syncOptions.Interval && syncOptions.Jitter > TimeSpan.Zero)
        {
            problems.Add($"Sync:Jitter ({syncOptions.Jitter:c}) must be shorter than Sync:Interval ({syncOptions.Interval:c}).");
        }

        Retry("OnePassword:Retry", onePassword.Retry, problems);
        var otlp = ResolveOtlp(configuration[OtlpEndpointKey], problems);
        var delivery = ResolveDelivery(alertsOptions.Sinks, problems);
        var suspendUser = ResolveSuspendUser(alertsOptions.Response.SuspendUser, scope == ConfigurationScope.Full && !accounts.Any(a => a.Users is not null), problems);
        var alerts = ResolveAlerts(alertsOptions, problems);
        return problems.Count > 0
            ? throw new ConfigurationException(problems)
            : new ResolvedConfiguration(accounts, neo4j!, ScheduleSettings.From(syncOptions), otlp, warnings, alerts, delivery!, suspendUser) { OnePasswordRetry = onePassword.Retry };
    }

    private static List<(string Prefix, AccountOptions Account)> AccountsOf(OnePasswordOptions options, ConfigurationScope scope, List<string> problems)
    {
        var topLevelUsed = !string.IsNullOrEmpty(options.Events.BaseUrl) || !string.IsNullOrEmpty(options.Connect.BaseUrl) || !string.IsNullOrEmpty(options.Users.ClientId);
        if (options.Accounts.Count > 0)
        {
            if (topLevelUsed)
            {
                problems.Add("OnePassword: both OnePassword:Events/Connect/Users and OnePassword:Accounts are set; configure one account at the top level or several under OnePassword:Accounts, not both.");
            }

            return options.Accounts.Select((account, i) => ($"OnePassword:Accounts:{i}", account)).ToList();
        }

        if (!topLevelUsed && string.IsNullOrEmpty(options.Events.Token) && string.IsNullOrEmpty(options.Events.TokenFile) && scope == ConfigurationScope.Full)
        {
            problems.Add("OnePassword: no account is configured. Set OnePassword:Events:BaseUrl (e.g. https://events.1password.com) and OnePassword:Events:Token or TokenFile, and/or OnePassword:Connect:BaseUrl and a Connect token; or list accounts under OnePassword:Accounts:0:… .");
            return [];
        }

        return [("OnePassword", new AccountOptions { Name = DefaultAccountName, Events = options.Events, Connect = options.Connect, Users = options.Users, BackfillStartTime = options.BackfillStartTime })];
    }

    private static AccountSettings? ResolveAccount(string prefix, AccountOptions account, ConfigurationScope scope, List<string> problems, List<string> warnings)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(account.Name))
        {
            problems.Add($"{prefix}:Name is missing; give each account a unique name (letters, digits, '.', '_' or '-').");
        }
        else if (!AccountNamePattern().IsMatch(account.Name))
        {
            problems.Add($"{prefix}:Name '{account.Name}' may contain only letters, digits, '.', '_' and '-'.");
        }

        if (scope == ConfigurationScope.GraphOnly)
        {
            // Reading the graph needs the account's name only: its tokens may live on another machine.
            return problems.Count == before ? new AccountSettings(account.Name!, null, null, null) : null;
        }

        var events = ResolveEvents($"{prefix}:Events", account, problems);
        var connect = ResolveConnect($"{prefix}:Connect", account, problems, warnings);
        var users = ResolveUsers($"{prefix}:Users", account.Users, events is not null, problems);
        if (events is null && connect is null && users is null && problems.Count == before)
        {
            problems.Add($"{prefix}: none of Events:BaseUrl, Connect:BaseUrl and Users:ClientId is set; the account would sync nothing.");
        }

        DateTimeOffset? backfill = null;
        if (!string.IsNullOrWhiteSpace(account.BackfillStartTime))
        {
            if (DateTimeOffset.TryParse(account.BackfillStartTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                backfill = parsed;
            }
            else
            {
                problems.Add($"{prefix}:BackfillStartTime '{account.BackfillStartTime}' is not an ISO 8601 time; use e.g. 2026-08-01T00:00:00Z.");
            }
        }

        return problems.Count == before ? new AccountSettings(account.Name!, events, connect, backfill, users) : null;
    }

    private static EventsSettings? ResolveEvents(string prefix, AccountOptions account, List<string> problems)
    {
        var options = account.Events;
        Annotations(prefix, options, problems);
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            if (!string.IsNullOrEmpty(options.Token) || !string.IsNullOrEmpty(options.TokenFile))
            {
                problems.Add($"{prefix}:BaseUrl is missing; set the regional Events API host, e.g. https://events.1password.com.");
            }

            return null;
        }

        var url = Urls.Check($"{prefix}:BaseUrl", options.BaseUrl, allowInsecure: false, problems);
        var token = Secrets.Read($"{prefix}:Token", options.Token, $"{prefix}:TokenFile", options.TokenFile, "the Events Reporting bearer token", problems);
        return url is null || token is null
            ? null
            : new EventsSettings(url, token, options.ApiVersion, options.PageSize, options.RequestTimeout, options.RequestsPerMinute, options.RequestsPerHour);
    }

    private static ConnectSettings? ResolveConnect(string prefix, AccountOptions account, List<string> problems, List<string> warnings)
    {
        var options = account.Connect;
        Annotations(prefix, options, problems);
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            if (!string.IsNullOrEmpty(options.Token) || !string.IsNullOrEmpty(options.TokenFile))
            {
                problems.Add($"{prefix}:BaseUrl is missing; set the Connect server URL, e.g. https://connect.internal.example.com.");
            }

            return null;
        }

        var url = Urls.Check($"{prefix}:BaseUrl", options.BaseUrl, options.AllowInsecureHttp, problems);
        if (url is { Scheme: "http" } && !Urls.IsLoopback(url))
        {
            warnings.Add($"{prefix}:AllowInsecureHttp is on: the Connect token travels unencrypted to {url.Host}. Prefer https.");
        }

        var token = Secrets.Read($"{prefix}:Token", options.Token, $"{prefix}:TokenFile", options.TokenFile, "the Connect access token", problems);
        return url is null || token is null ? null : new ConnectSettings(url, token, options.FetchItemDetails, options.RequestTimeout);
    }

    private static Neo4jSettings? ResolveNeo4j(Neo4jOptions options, List<string> problems, List<string> warnings)
    {
        Annotations("Neo4j", options, problems);
        Uri? url = null;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            problems.Add("Neo4j:Url is missing; set the HTTP URL of Neo4j, e.g. https://neo4j.example.com:7473 (http://127.0.0.1:7474 for a local server).");
        }
        else
        {
            url = Urls.Check("Neo4j:Url", options.Url, options.AllowInsecureHttp, problems);
            if (url is { Scheme: "http" } && !Urls.IsLoopback(url))
            {
                warnings.Add($"Neo4j:AllowInsecureHttp is on: the Neo4j password travels unencrypted to {url.Host}. Prefer https on any network you do not fully control.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.User))
        {
            problems.Add("Neo4j:User is empty; set the Neo4j user (default neo4j).");
        }

        var password = Secrets.Read("Neo4j:Password", options.Password, "Neo4j:PasswordFile", options.PasswordFile, "the Neo4j password", problems);
        Retry("Neo4j:Retry", options.Retry, problems);
        var protocol = Protocol(options.Protocol, problems);
        return url is null || password is null || protocol is null ? null : new Neo4jSettings(url, options.User, password, options.Database, options.BatchSize, options.RequestTimeout)
        {
            Protocol = protocol.Value,
            CredentialKeys = "Neo4j__User and " + (string.IsNullOrEmpty(options.Password) && !string.IsNullOrEmpty(options.PasswordFile) ? "Neo4j__PasswordFile (the file's content)" : "Neo4j__Password"),
            Retry = options.Retry,
        };
    }

    private static Neo4jProtocol? Protocol(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Neo4jProtocol.Auto;
        }

        if (Enum.TryParse<Neo4jProtocol>(text.Trim(), ignoreCase: true, out var protocol) && Enum.IsDefined(protocol) && !text.Trim().All(char.IsAsciiDigit))
        {
            return protocol;
        }

        problems.Add($"Neo4j__Protocol is '{text}'; set it to auto (the default: the transactional endpoint when the server's discovery offers it, else the Query API), transactional or query.");
        return null;
    }

    private static Uri? ResolveOtlp(string? endpoint, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problems.Add($"{OtlpEndpointKey} '{endpoint}' is not an http(s) URL; set the collector's OTLP endpoint, e.g. http://otel-collector:4317, or unset it to not export metrics.");
        return null;
    }

    private static T? Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : class, new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add($"{section}: {ex.Message}");
            return null;
        }
    }

    // Annotations do not reach nested options, so a retry section is checked on its own, with the key it is bound from.
    private static void Retry(string prefix, RetryOptions options, List<string> problems)
    {
        Annotations(prefix, options, problems);
        if (options.InitialDelay > options.MaxDelay)
        {
            problems.Add($"{prefix}:InitialDelay ({options.InitialDelay:c}) must not be longer than {prefix}:MaxDelay ({options.MaxDelay:c}).");
        }

        if (options.Deadline <= options.InitialDelay && options.MaxRetryAttempts > 0)
        {
            problems.Add($"{prefix}:Deadline ({options.Deadline:c}) must be longer than {prefix}:InitialDelay ({options.InitialDelay:c}), or no retry would ever run; set {prefix}:MaxRetryAttempts=0 to turn retries off.");
        }
    }

    private static void Annotations(string prefix, object options, List<string> problems)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => $"{prefix}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex AccountNamePattern();
}
