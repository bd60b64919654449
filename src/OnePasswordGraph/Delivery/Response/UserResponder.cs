using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Response;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Users;

namespace OnePasswordGraph.Delivery.Response;

/// <summary>
/// Acts on one user through the Users API and records what happened in the graph, whatever it was: a dry run, the
/// change, the API's refusal, a skip decided by the caller, or a failure. Shared by the suspend-user response and the
/// users command so both record the same way.
/// </summary>
public sealed class UserResponder
{
    private readonly IReadOnlyDictionary<string, UsersSettings> _accounts;
    private readonly UsersClients _clients;
    private readonly ResponseActions _actions;
    private readonly TransientRetry _retry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="UserResponder"/> class.</summary>
    /// <param name="accounts">The Users API settings by configured account name; accounts without it are absent.</param>
    /// <param name="clients">The shared Users API clients.</param>
    /// <param name="actions">Where actions are recorded.</param>
    /// <param name="retry">The 1Password retry policy.</param>
    /// <param name="timeProvider">The clock of <c>requestedOn</c>.</param>
    /// <param name="logger">Where every action is logged.</param>
    public UserResponder(IReadOnlyDictionary<string, UsersSettings> accounts, UsersClients clients, ResponseActions actions, TransientRetry retry, TimeProvider timeProvider, ILogger logger)
    {
        _accounts = accounts;
        _clients = clients;
        _actions = actions;
        _retry = retry;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Acts (or, in a dry run, only records that it would) and returns the record. The API's refusals are recorded as
    /// <c>refused</c> and returned.
    /// </summary>
    /// <exception cref="UsersApiException">The call failed (recorded as <c>failed</c> first); <see cref="UsersApiException.IsTransient"/> tells whether another run may succeed.</exception>
    /// <exception cref="RetryDeadlineExceededException">The API stayed unavailable (recorded as <c>failed</c> first).</exception>
    /// <exception cref="ResponseUnavailableException">The account has no Users API configured or no known account id.</exception>
    public async Task<ResponseActionRecord> ActAsync(ResponseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestedOn = _timeProvider.GetUtcNow();
        if (!_accounts.TryGetValue(request.Account, out var settings))
        {
            throw new ResponseUnavailableException($"Account '{request.Account}' has no Users API configured; set OnePassword__Users__ClientId (or OnePassword__Accounts__N__Users__ClientId) and its secret to act on its users.");
        }

        if (request.DryRun)
        {
            ResponseLog.DryRun(_logger, request.Account, request.ActionWord, request.UserUuid, request.Trigger);
            return await RecordAsync(request, ResponseResults.DryRun, null, requestedOn, cancellationToken).ConfigureAwait(false);
        }

        var accountId = settings.AccountId ?? await _actions.AccountUuidAsync(request.Account, cancellationToken).ConfigureAwait(false)
            ?? throw new ResponseUnavailableException($"The 1Password account id of '{request.Account}' is unknown: no sync has introspected its Events token yet. Set OnePassword__Users__AccountId, or sync the account first.");
        var client = _clients.For(request.Account, settings);
        UserChangeResult change;
        try
        {
            change = await _retry.ExecuteAsync(
                token => request.Action == UserAction.Suspend ? client.SuspendAsync(accountId, request.UserUuid, token) : client.ReactivateAsync(accountId, request.UserUuid, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UsersApiException or RetryDeadlineExceededException)
        {
            ResponseLog.Failed(_logger, request.Account, request.ActionWord, request.UserUuid, request.Trigger, ex.Message);
            await RecordAsync(request, ResponseResults.Failed, ex.Message, requestedOn, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var result = change.Outcome == UserChangeOutcome.Refused ? ResponseResults.Refused
            : request.Action == UserAction.Suspend ? ResponseResults.Suspended : ResponseResults.Reactivated;
        ResponseLog.Acted(_logger, request.Account, request.ActionWord, request.UserUuid, request.Trigger, change.Refusal is { } why ? $"{result}: {why}" : result);
        return await RecordAsync(request, result, change.Refusal, requestedOn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the action was not taken, and why (<c>skipped-protected</c>, <c>skipped-cap</c>).</summary>
    public async Task<ResponseActionRecord> SkipAsync(ResponseRequest request, string result, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ResponseLog.Skipped(_logger, request.Account, request.ActionWord, request.UserUuid, request.Trigger, reason);
        return await RecordAsync(request, result, reason, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ResponseActionRecord> RecordAsync(ResponseRequest request, string result, string? error, DateTimeOffset requestedOn, CancellationToken cancellationToken)
    {
        var record = new ResponseActionRecord(
            request.Account, request.ActionWord, result, request.UserUuid, requestedOn, request.DryRun, request.RequestedBy, error, request.RuleId, request.FindingFingerprint);

        // The action happened (or was decided) whatever the caller does next: a cancelled run must not lose its record.
        await _actions.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
        return record;
    }
}
