using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Response;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Users;

namespace OnePasswordGraph.Delivery.Response;

/// <summary>
/// The opt-in response: suspends the user a finding flags first (<c>alert.Flagged[0]</c>, when it is a user's key).
/// Before calling the API it checks the protected list and reserves a place under the hourly cap in the graph, one
/// reservation at a time, so the cap holds across restarts, workers and accounts delivering at once; an action that
/// suspended nobody gives its place back. In a dry run (the default) it only logs and records. The API's refusals are
/// recorded and not retried; a transient failure is recorded and thrown, so the outbox tries the finding again on
/// the next run.
/// </summary>
public sealed class SuspendUserChannel : IAlertChannel
{
    /// <summary>The channel's name in delivery records.</summary>
    public const string ChannelName = "suspend-user";

    private readonly SuspendUserSettings _settings;
    private readonly UserResponder _responder;
    private readonly ResponseActions _actions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public SuspendUserChannel(SuspendUserSettings settings, UserResponder responder, ResponseActions actions, TimeProvider timeProvider, ILogger logger)
    {
        _settings = settings;
        _responder = responder;
        _actions = actions;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Name => ChannelName;

    public bool Accepts(AlertMessage alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return _settings.Triggers(alert.RuleId, alert.Severity);
    }

    public async Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var user = alert.Flagged.Count == 0 ? null : await _actions.FindUserAsync(alert.Flagged[0], cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            ResponseLog.NotAUser(_logger, alert.Account, alert.Fingerprint, alert.RuleId, alert.Flagged.Count == 0 ? "nothing flagged" : alert.Flagged[0]);
            return;
        }

        var request = new ResponseRequest(alert.Account, UserAction.Suspend, user.Uuid, _settings.DryRun, ResponseActions.Automated, alert.RuleId, alert.Fingerprint);
        if (_settings.IsProtected(user.Uuid, user.Email))
        {
            await _responder.SkipAsync(request, ResponseResults.SkippedProtected, "the user is on Alerts__Response__SuspendUser__ProtectedUsers", cancellationToken).ConfigureAwait(false);
            return;
        }

        var reservation = await _actions.ReserveAsync(_settings.MaxPerHour, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!reservation.Granted)
        {
            await _responder.SkipAsync(request, ResponseResults.SkippedCap, $"{reservation.Taken} users were suspended in the last hour, the cap (Alerts__Response__SuspendUser__MaxPerHour) is {_settings.MaxPerHour}", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        try
        {
            var record = await _responder.ActAsync(request, cancellationToken).ConfigureAwait(false);
            if (!ResponseResults.Counted.Contains(record.Result))
            {
                await _actions.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is ResponseUnavailableException or UsersApiException or RetryDeadlineExceededException)
        {
            // Nobody was suspended (recorded as failed, or not attempted), so the place is free again. A cancelled call
            // keeps its place: the suspension may have happened.
            await _actions.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            switch (ex)
            {
                case ResponseUnavailableException:
                // The OAuth application is wrong or lacks the scope: a configuration error, not this finding's.
                case UsersApiException { StatusCode: 401 or 403 } when !TransientRetry.IsTransient(ex):
                    throw new AlertChannelRejectedException(ex.Message);

                // Recorded as failed (an unknown user, a malformed answer): another attempt would fail the same way.
                case UsersApiException when !TransientRetry.IsTransient(ex):
                    return;
                default:
                    throw;
            }
        }
    }
}
