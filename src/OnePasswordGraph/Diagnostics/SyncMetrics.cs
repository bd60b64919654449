using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OnePasswordGraph.Diagnostics;

/// <summary>
/// The sync's metrics, on the <c>OnePasswordGraph</c> meter: what an operator alerts on (failures, lag, throttling)
/// and what explains a slow backfill (events and requests per stream). Exported with OTLP when configured.
/// </summary>
public sealed class SyncMetrics
{
    /// <summary>The meter's name, for exporters and listeners.</summary>
    public const string MeterName = "OnePasswordGraph";

    public const string EventsIngestedInstrument = "onepassword_graph.events.ingested";
    public const string LagInstrument = "onepassword_graph.events.lag";
    public const string AttemptsInstrument = "onepassword_graph.sync.attempts";
    public const string AccountConflictsInstrument = "onepassword_graph.sync.account_conflicts";
    public const string EventsQuarantinedInstrument = "onepassword_graph.events.quarantined";

    private readonly Counter<long> _eventsIngested;
    private readonly Gauge<double> _lag;
    private readonly Counter<long> _apiRequests;
    private readonly Counter<long> _apiThrottled;
    private readonly Histogram<double> _runDuration;
    private readonly Counter<long> _stepFailures;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _accountConflicts;
    private readonly Counter<long> _eventsQuarantined;

    public SyncMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _eventsIngested = meter.CreateCounter<long>(EventsIngestedInstrument, "{event}", "Events written to the graph, per account and stream.");
        _lag = meter.CreateGauge<double>(LagInstrument, "s", "Age of the newest event written, per account and stream, when its page was written.");
        _apiRequests = meter.CreateCounter<long>("onepassword_graph.api.requests", "{request}", "HTTP requests to 1Password (api = events or connect), by status code.");
        _apiThrottled = meter.CreateCounter<long>("onepassword_graph.api.throttled", "{request}", "Requests 1Password answered with 429 Too Many Requests.");
        _runDuration = meter.CreateHistogram<double>("onepassword_graph.sync.duration", "s", "Duration of one account's sync run, by outcome.");
        _stepFailures = meter.CreateCounter<long>("onepassword_graph.sync.step_failures", "{step}", "Sync steps that failed, per account and step.");
        _accountConflicts = meter.CreateCounter<long>(AccountConflictsInstrument, "{node}", "Writes skipped because another account holds the node (an event, vault or item uuid seen in two accounts), per writing account.");
        _eventsQuarantined = meter.CreateCounter<long>(EventsQuarantinedInstrument, "{event}", "Malformed events kept in the quarantine instead of written as events, per account, stream and reason.");
        _attempts = meter.CreateCounter<long>(AttemptsInstrument, "{attempt}", "Scheduled sync attempts per account, by result (succeeded, failed, lease_busy).");
    }

    public void EventsIngested(string account, string stream, long count, double lagSeconds)
    {
        var tags = new TagList { { "account", account }, { "stream", stream } };
        _eventsIngested.Add(count, tags);
        _lag.Record(lagSeconds, tags);
    }

    /// <summary>Counts one malformed event of a written page, kept in the quarantine.</summary>
    public void EventQuarantined(string account, string stream, string reason) =>
        _eventsQuarantined.Add(1, new TagList { { "account", account }, { "stream", stream }, { "reason", reason } });

    public void ApiRequest(string api, int statusCode)
    {
        _apiRequests.Add(1, new TagList { { "api", api }, { "http.response.status_code", statusCode } });
        if (statusCode == 429)
        {
            _apiThrottled.Add(1, new TagList { { "api", api } });
        }
    }

    public void RunFinished(string account, bool succeeded, TimeSpan duration, IEnumerable<string> failedSteps)
    {
        ArgumentNullException.ThrowIfNull(failedSteps);
        _runDuration.Record(duration.TotalSeconds, new TagList { { "account", account }, { "outcome", succeeded ? "succeeded" : "failed" } });
        foreach (var step in failedSteps)
        {
            _stepFailures.Add(1, new TagList { { "account", account }, { "step", step } });
        }
    }

    public void AttemptFinished(string account, SyncAttemptResult result) =>
        _attempts.Add(1, new TagList { { "account", account }, { "result", result switch { SyncAttemptResult.Succeeded => "succeeded", SyncAttemptResult.LeaseBusy => "lease_busy", _ => "failed" } } });

    /// <summary>Counts the writes of <paramref name="account"/>'s run that another account's nodes turned away.</summary>
    public void AccountConflicts(string account, long count)
    {
        if (count > 0)
        {
            _accountConflicts.Add(count, new TagList { { "account", account } });
        }
    }
}
