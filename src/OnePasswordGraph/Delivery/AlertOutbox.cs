using Microsoft.Extensions.Logging;
using OnePasswordGraph.Delivery.Internal;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Graph.Jobs;

namespace OnePasswordGraph.Delivery;

/// <summary>
/// Hands each stored finding to every channel once. Delivery state lives beside the finding in the graph: a channel's
/// delivery is claimed before it is attempted and recorded as delivered only after the channel accepted it. A crash
/// in between leaves the claim, which lapses (at once when its process is gone from this host), so the finding is
/// delivered again (at least once; receivers drop the repeat by its fingerprint); a delivered finding is never sent
/// again, by this process or another. A channel that fails stops for the run and keeps what it owes for the next.
/// </summary>
public sealed class AlertOutbox
{
    /// <summary>How long a claim keeps other processes off a delivery; longer than any one delivery's retry deadline.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(10);

    private readonly DeliveryLedger _ledger;
    private readonly IReadOnlyList<IAlertChannel> _channels;
    private readonly DeliverySettings _settings;
    private readonly AlertMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _holder = LeaseHolder.Create("deliver");

    public AlertOutbox(ICypherRunner runner, IEnumerable<IAlertChannel> channels, DeliverySettings settings, AlertMetrics metrics, TimeProvider timeProvider, ILogger<AlertOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(channels);
        _ledger = new DeliveryLedger(runner);
        _channels = [.. channels];
        _settings = settings;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        var duplicate = _channels.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two alert channels are named '{duplicate.Key}'; a name identifies a channel's deliveries in the graph.", nameof(channels));
        }
    }

    /// <summary>Gets the names of the configured channels, in delivery order.</summary>
    public IReadOnlyList<string> ChannelNames => [.. _channels.Select(c => c.Name)];

    /// <summary>Delivers what each channel owes <paramref name="account"/>: every finding younger than the age limit that it has not accepted.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; a delivery in flight stays owed.</exception>
    public async Task<DeliveryRunSummary> DeliverAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        var results = new List<ChannelDeliveryResult>();
        foreach (var channel in _channels)
        {
            results.Add(await DeliverAsync(account, channel, cancellationToken).ConfigureAwait(false));
        }

        return new DeliveryRunSummary(account, results);
    }

    /// <summary>Reads what each configured channel still owes <paramref name="account"/>.</summary>
    public Task<IReadOnlyList<ChannelBacklog>> BacklogAsync(string account, CancellationToken cancellationToken) =>
        _ledger.BacklogAsync(account, ChannelNames, _timeProvider.GetUtcNow() - _settings.MaxAge, cancellationToken);

    private async Task<ChannelDeliveryResult> DeliverAsync(string account, IAlertChannel channel, CancellationToken cancellationToken)
    {
        var pending = await _ledger.PendingAsync(account, channel.Name, _timeProvider.GetUtcNow() - _settings.MaxAge, cancellationToken).ConfigureAwait(false);
        var owed = pending.Where(channel.Accepts).ToList();
        var delivered = 0;
        foreach (var alert in pending.Where(a => !channel.Accepts(a)))
        {
            await _ledger.SkipAsync(account, alert.Fingerprint, channel.Name, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            _metrics.Delivery(account, channel.Name, "skipped");
        }

        foreach (var alert in owed)
        {
            if (!await ClaimAsync(account, alert.Fingerprint, channel.Name, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await channel.DeliverAsync(alert, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                var remaining = owed.Count - delivered;
                var error = failure is OperationCanceledException && cancellationToken.IsCancellationRequested ? "cancelled by shutdown" : failure.Message;

                // Recorded even during shutdown: the claim must not keep the finding from the next run.
                await _ledger.ReleaseAsync(alert.Fingerprint, channel.Name, _holder, error, _timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                _metrics.Delivery(account, channel.Name, "failed");
                if (failure is AlertChannelRejectedException)
                {
                    DeliveryLog.ChannelRejected(_logger, account, channel.Name, alert.Fingerprint, remaining, error);
                }
                else
                {
                    DeliveryLog.DeliveryFailed(_logger, account, channel.Name, alert.Fingerprint, remaining, error);
                }

                return new ChannelDeliveryResult(channel.Name, delivered, pending.Count - owed.Count, remaining, error);
            }

            // The channel has it: record that whatever happens to this run, or the finding would be sent twice.
            await _ledger.CompleteAsync(alert.Fingerprint, channel.Name, _timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            _metrics.Delivery(account, channel.Name, "delivered");
            DeliveryLog.FindingDelivered(_logger, account, channel.Name, alert.Fingerprint);
            delivered++;
        }

        if (delivered > 0)
        {
            DeliveryLog.FindingsDelivered(_logger, account, channel.Name, delivered, owed.Count - delivered);
        }

        return new ChannelDeliveryResult(channel.Name, delivered, pending.Count - owed.Count, owed.Count - delivered, null);
    }

    private async Task<bool> ClaimAsync(string account, string fingerprint, string channel, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var outcome = await _ledger.ClaimAsync(account, fingerprint, channel, _holder, null, now, now + ClaimDuration, cancellationToken).ConfigureAwait(false);
        if (outcome.Claimed || outcome.Status != DeliveryStatements.PendingStatus || !LeaseHolder.IsGoneLocally(outcome.Holder))
        {
            return outcome.Claimed;
        }

        DeliveryLog.ClaimTakenOver(_logger, channel, fingerprint, outcome.Holder!);
        outcome = await _ledger.ClaimAsync(account, fingerprint, channel, _holder, outcome.Holder, now, now + ClaimDuration, cancellationToken).ConfigureAwait(false);
        return outcome.Claimed;
    }
}
