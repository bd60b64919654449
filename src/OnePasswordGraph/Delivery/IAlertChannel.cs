namespace OnePasswordGraph.Delivery;

/// <summary>
/// Somewhere a finding goes once it is stored: a sink (a JSON-lines file, a webhook, Slack) or a response (suspending
/// the user). The outbox gives a channel each finding it <see cref="Accepts"/> until the channel returns normally, and
/// records that per channel in the graph, so a finding reaches a channel once, also across crashes and workers.
/// </summary>
public interface IAlertChannel
{
    /// <summary>Gets the channel's stable name, recorded with each delivery (<c>jsonl</c>, <c>webhook</c>, <c>slack</c>, <c>suspend-user</c>).</summary>
    string Name { get; }

    /// <summary>Tells whether <paramref name="alert"/> is for this channel at all (its minimum severity, its rule ids).</summary>
    bool Accepts(AlertMessage alert);

    /// <summary>Delivers <paramref name="alert"/>. Returning means the channel took it, and it is never given again.</summary>
    /// <exception cref="AlertChannelRejectedException">The receiver refused in a way retrying cannot fix (a configuration error): the outbox stops using the channel for this run and keeps the finding pending.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Any other exception is a failure of this attempt (after the retry policy gave up): the finding stays pending for the next run.</remarks>
    Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken);
}
