using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Users;
using OnePasswordGraph.Sync.Events;
using OnePasswordGraph.Sync.Inventory;
using OnePasswordGraph.Sync.Users;

namespace OnePasswordGraph.Sync.Steps;

/// <summary>
/// Declares the steps of an account's sync: <c>account</c> (introspection), then the three event streams and
/// <c>vaults</c>, each depending on it, and <c>items</c> depending on <c>vaults</c>, and <c>users</c> (depending on <c>account</c>) when the Users API is configured. Streams the token may not read,
/// and sources that are not configured, are skipped with the reason.
/// </summary>
public sealed class AccountStepFactory
{
    public const string AccountStep = "account";
    public const string VaultsStep = "vaults";
    public const string ItemsStep = "items";
    public const string UsersStep = "users";
    private const string NoConnect = "the account has no Connect server configured";

    private readonly GraphWriter _writer;
    private readonly SyncStateStore _states;
    private readonly StaleInventoryCleaner _cleaner;
    private readonly ItemDetailsVersions _detailsVersions;
    private readonly SyncMetrics _metrics;
    private readonly TransientRetry _sourceRetry;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggers;
    private readonly UsersClients? _usersClients;

    public AccountStepFactory(
        GraphWriter writer,
        SyncStateStore states,
        StaleInventoryCleaner cleaner,
        ItemDetailsVersions detailsVersions,
        SyncMetrics metrics,
        TransientRetry sourceRetry,
        IHttpClientFactory httpClients,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        UsersClients? usersClients = null)
    {
        _usersClients = usersClients;
        _detailsVersions = detailsVersions;
        _metrics = metrics;
        _writer = writer;
        _states = states;
        _cleaner = cleaner;
        _sourceRetry = sourceRetry;
        _httpClients = httpClients;
        _timeProvider = timeProvider;
        _loggers = loggers;
    }

    public AccountSources CreateSources(AccountSettings account) => new(account.Events, account.Connect, _httpClients, _timeProvider);

    public IReadOnlyList<SyncStep> Create(AccountSettings account, AccountSources sources)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(sources);
        List<SyncStep> steps =
        [
            new SyncStep(AccountStep, [], [OnePasswordNodeTypes.Account.Type], (context, token) => IntrospectAsync(context, sources, token)),
            EventStep(account, sources, EventStreamKind.ItemUsages, client => client.ItemUsages, name => new ItemUsageMapper(name)),
            EventStep(account, sources, EventStreamKind.AuditEvents, client => client.AuditEvents, name => new AuditEventMapper(name)),
            EventStep(account, sources, EventStreamKind.SignInAttempts, client => client.SignInAttempts, name => new SignInAttemptMapper(name)),
            new SyncStep(VaultsStep, [AccountStep], [OnePasswordNodeTypes.Vault.Type], (context, token) =>
                Inventory(sources) is { } inventory ? inventory.SyncVaultsAsync(context, token) : Task.FromResult(StepOutcome.Skipped(NoConnect))),
            new SyncStep(ItemsStep, [VaultsStep], [OnePasswordNodeTypes.Secret.Type], (context, token) =>
                Inventory(sources) is { } inventory ? inventory.SyncItemsAsync(context, account.Connect!.FetchItemDetails, token) : Task.FromResult(StepOutcome.Skipped(NoConnect))),
        ];
        if (account.Users is { } users && _usersClients is { } clients)
        {
            // After the account step: its introspection names the account when Users:AccountId is not set.
            steps.Add(new SyncStep(UsersStep, [AccountStep], [OnePasswordNodeTypes.User.Type], (context, token) =>
                new UsersSync(clients.For(account.Name, users), users, _writer, _cleaner, _sourceRetry, _loggers.CreateLogger("OnePasswordGraph.Sync.Users")).RunAsync(context, token)));
        }

        return steps;
    }

    private InventorySync? Inventory(AccountSources sources) =>
        sources.Connect is { } client ? new InventorySync(client, _writer, _cleaner, _detailsVersions, _sourceRetry, _timeProvider, _loggers.CreateLogger("OnePasswordGraph.Sync.Inventory")) : null;

    private async Task<StepOutcome> IntrospectAsync(StepContext context, AccountSources sources, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, object?> { ["name"] = context.Account.Name };
        if (sources.Events is { } client)
        {
            var introspection = await _sourceRetry.ExecuteAsync(client.IntrospectAsync, cancellationToken).ConfigureAwait(false);
            context.Set(introspection);
            properties["accountUUID"] = introspection.AccountUuid;
            properties["eventsIntegrationUUID"] = introspection.IntegrationUuid;
            properties["eventsFeatures"] = introspection.Features.ToList();
        }

        var account = new GraphEntity(OnePasswordNodeTypes.Account, context.Account.Name, properties);
        await _writer.WriteAsync(new GraphChanges([account], []), new GraphWriteContext(context.Account.Name), cancellationToken).ConfigureAwait(false);
        return new StepOutcome(new Dictionary<string, long> { [OnePasswordNodeTypes.Account.Type] = 1 });
    }

    private SyncStep EventStep<TEvent>(
        AccountSettings account,
        AccountSources sources,
        EventStreamKind stream,
        Func<IEventsApiClient, IEventPageSource<TEvent>> source,
        Func<string, IEventMapper<TEvent>> mapper) =>
        new(stream.Feature(), [AccountStep], [], async (context, cancellationToken) =>
        {
            if (sources.Events is not { } client || account.Events is not { } settings)
            {
                return StepOutcome.Skipped("the account has no Events API configured");
            }

            // The account step's error already says why the Events API failed; each stream repeating it would only bury it.
            if (context.DependencyFailed && context.Get<EventsIntrospection>() is null)
            {
                return StepOutcome.Skipped($"not tried: the Events API introspection in step '{AccountStep}' failed (see its line)");
            }

            if (context.Get<EventsIntrospection>() is { } introspection && !introspection.Features.Contains(stream.Feature(), StringComparer.Ordinal))
            {
                return StepOutcome.Skipped($"the Events token lacks the '{stream.Feature()}' feature (it has: {string.Join(", ", introspection.Features)})");
            }

            var sync = new EventStreamSync<TEvent>(
                source(client), mapper(account.Name), _writer, _states, _sourceRetry, _metrics, _timeProvider, _loggers.CreateLogger("OnePasswordGraph.Sync.Events." + stream), settings.PageSize);
            return await sync.RunAsync(account.Name, account.BackfillStartTime, cancellationToken).ConfigureAwait(false);
        });
}
