using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Hosting.Doctor;

/// <summary>
/// Checks a configuration against the real services, one attempt each, without writing anything: each Events token
/// (region, introspection, features), each Connect server (health, vaults in scope), and Neo4j (reachable, version,
/// credentials, schema). Every check ends in a verdict with what to fix.
/// </summary>
public sealed class SetupDoctor
{
    private static readonly Neo4jVersion OldestProductionVersion = new(4, 4, 0);
    private readonly ICypherRunner _neo4j;
    private readonly GraphSchemaInstaller _schema;
    private readonly AccountStepFactory _sources;

    public SetupDoctor(ICypherRunner neo4j, GraphSchemaInstaller schema, AccountStepFactory sources)
    {
        _neo4j = neo4j;
        _schema = schema;
        _sources = sources;
    }

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(ResolvedConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var checks = new List<DoctorCheck>();
        foreach (var account in configuration.Accounts)
        {
            using var sources = _sources.CreateSources(account);
            if (account.Events is { } events && sources.Events is { } eventsClient)
            {
                checks.AddRange(await CheckEventsAsync(account.Name, events, eventsClient, cancellationToken).ConfigureAwait(false));
            }

            if (account.Connect is { } connect && sources.Connect is { } connectClient)
            {
                checks.AddRange(await CheckConnectAsync(account.Name, connect, connectClient, cancellationToken).ConfigureAwait(false));
            }
        }

        checks.AddRange(await CheckNeo4jAsync(configuration.Neo4j, cancellationToken).ConfigureAwait(false));
        return checks;
    }

    private static async Task<IReadOnlyList<DoctorCheck>> CheckEventsAsync(string account, EventsSettings settings, IEventsApiClient client, CancellationToken cancellationToken)
    {
        var subject = $"{account} / Events API";
        var checks = new List<DoctorCheck> { RegionCheck(subject, settings) };
        if (checks[0].Verdict == DoctorVerdict.Failed)
        {
            // A token sent to another region's host is refused; asking would only repeat the same finding less clearly.
            return checks;
        }

        EventsIntrospection introspection;
        try
        {
            introspection = await client.IntrospectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EventsApiException ex)
        {
            checks.Add(new DoctorCheck(subject, "token", DoctorVerdict.Failed, ex.Message));
            return checks;
        }

        checks.Add(new DoctorCheck(subject, "token", DoctorVerdict.Ok,
            $"accepted by {settings.BaseUrl.Host} (account {introspection.AccountUuid ?? "unknown"}, integration {introspection.IntegrationUuid ?? "unknown"})"));
        var missing = EventStreamKindExtensions.AllFeatures.Except(introspection.Features, StringComparer.Ordinal).ToList();
        checks.Add(missing.Count == 0
            ? new DoctorCheck(subject, "features", DoctorVerdict.Ok, $"has {string.Join(", ", introspection.Features)}")
            : new DoctorCheck(subject, "features", DoctorVerdict.Warning,
                $"has {(introspection.Features.Count == 0 ? "no features" : string.Join(", ", introspection.Features))}; lacks {string.Join(", ", missing)}, so "
                + $"{(missing.Count == 1 ? "that stream is" : "those streams are")} skipped. To sync {(missing.Count == 1 ? "it" : "them")}, issue an Events Reporting token with "
                + $"{string.Join(" and ", missing)} in 1Password (Integrations → Events Reporting)."));
        return checks;
    }

    private static DoctorCheck RegionCheck(string subject, EventsSettings settings)
    {
        var configured = settings.BaseUrl.Host;
        var issuedFor = EventsTokenClaims.TryRead(settings.Token)?.EventsHost;
        if (issuedFor is not null && !string.Equals(issuedFor, configured, StringComparison.OrdinalIgnoreCase))
        {
            return new DoctorCheck(subject, "region", DoctorVerdict.Failed,
                $"the token was issued for {issuedFor}, but OnePassword:Events:BaseUrl points at {configured}; set it to https://{issuedFor}.");
        }

        if (issuedFor is null)
        {
            return new DoctorCheck(subject, "region", EventsApiRegions.Hosts.Contains(configured, StringComparer.OrdinalIgnoreCase) || settings.BaseUrl.IsLoopback ? DoctorVerdict.Ok : DoctorVerdict.Warning,
                $"the token does not name its region; {configured} is {(EventsApiRegions.Hosts.Contains(configured, StringComparer.OrdinalIgnoreCase) ? "a 1Password Events host" : "not one of " + string.Join(", ", EventsApiRegions.Hosts))}.");
        }

        return new DoctorCheck(subject, "region", DoctorVerdict.Ok, $"the token was issued for {issuedFor}, the host configured.");
    }

    private static async Task<IReadOnlyList<DoctorCheck>> CheckConnectAsync(string account, ConnectSettings settings, IConnectClient client, CancellationToken cancellationToken)
    {
        var subject = $"{account} / Connect";
        var checks = new List<DoctorCheck>();
        try
        {
            var health = await client.GetHealthAsync(cancellationToken).ConfigureAwait(false);
            var unhealthy = (health.Dependencies ?? []).Where(d => !string.Equals(d.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)).ToList();
            checks.Add(new DoctorCheck(subject, "health", unhealthy.Count == 0 ? DoctorVerdict.Ok : DoctorVerdict.Warning,
                $"{health.Name ?? "Connect"} {health.Version ?? "(version not reported)"} at {settings.BaseUrl}"
                + (unhealthy.Count == 0 ? string.Empty : "; not active: " + string.Join(", ", unhealthy.Select(d => $"{d.Service} {d.Status} {d.Message}".Trim())))));
        }
        catch (ConnectApiException ex)
        {
            checks.Add(new DoctorCheck(subject, "health", DoctorVerdict.Failed, ex.Message));
            return checks;
        }

        try
        {
            var vaults = await client.ListVaultsAsync(cancellationToken).ConfigureAwait(false);
            checks.Add(vaults.Count == 0
                ? new DoctorCheck(subject, "vaults", DoctorVerdict.Failed,
                    "the token sees no vaults, so inventory would be empty. In 1Password, grant this Connect server access to the vaults to inventory (Developer → Connect servers).")
                : new DoctorCheck(subject, "vaults", DoctorVerdict.Ok, $"the token sees {vaults.Count} vault(s): {string.Join(", ", vaults.Select(v => v.Name ?? v.Id).Order(StringComparer.Ordinal))}"));
        }
        catch (ConnectApiException ex)
        {
            checks.Add(new DoctorCheck(subject, "vaults", DoctorVerdict.Failed, ex.Message));
        }

        return checks;
    }

    private async Task<IReadOnlyList<DoctorCheck>> CheckNeo4jAsync(Neo4jSettings settings, CancellationToken cancellationToken)
    {
        const string Subject = "Neo4j";
        var checks = new List<DoctorCheck>();
        try
        {
            var server = await _neo4j.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
            var found = $"Neo4j {server.Version} {server.Edition ?? string.Empty}".TrimEnd() + $" at {settings.Url}";
            checks.Add(server.Version < OldestProductionVersion
                ? new DoctorCheck(Subject, "server", DoctorVerdict.Warning, $"{found}: older than the versions supported in production (4.4, 5.x, 2025.x, Aura); fine for trying out, upgrade before relying on it")
                : new DoctorCheck(Subject, "server", DoctorVerdict.Ok, found));
            checks.Add(new DoctorCheck(Subject, "protocol", DoctorVerdict.Ok,
                $"{server.ProtocolName}{(server.ProtocolReason is { } reason ? ": " + reason : string.Empty)} ({server.CommitEndpoint})"));
            await _neo4j.RunAsync([CypherStatement.Probe], cancellationToken).ConfigureAwait(false);
            checks.Add(new DoctorCheck(Subject, "credentials", DoctorVerdict.Ok, $"user {settings.User} can run Cypher{(server.Version.IsLegacy3X ? string.Empty : $" on database {settings.Database}")}"));
            var missing = await _schema.FindMissingKeyConstraintsAsync(cancellationToken).ConfigureAwait(false);
            checks.Add(missing.Count == 0
                ? new DoctorCheck(Subject, "schema", DoctorVerdict.Ok, "every uniqueness constraint is in place")
                : new DoctorCheck(Subject, "schema", DoctorVerdict.Warning, $"{missing.Count} uniqueness constraint(s) missing ({string.Join(", ", missing)}); the next sync creates them."));
        }
        catch (Neo4jException ex)
        {
            checks.Add(new DoctorCheck(Subject, checks.Count == 0 ? "server" : checks.Count == 2 ? "credentials" : "schema", DoctorVerdict.Failed, ex.Message));
        }

        return checks;
    }
}
