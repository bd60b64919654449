namespace OnePasswordGraph.Simulator.Events;

/// <summary>How the Events half of the simulator behaves. Defaults follow the documented API.</summary>
public sealed class EventsSimulatorOptions
{
    /// <summary>Gets or sets the loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets the simulator's clock: retention, default start times and rate windows use it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the requests one token may make per rolling minute before 429.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Gets or sets the requests one token may make per rolling hour before 429.</summary>
    public int RequestsPerHour { get; set; } = 30000;

    /// <summary>Gets or sets a value indicating whether 429 responses carry <c>Retry-After</c> (undocumented for v1/v2).</summary>
    public bool SendRetryAfter { get; set; } = true;

    /// <summary>Gets or sets the status for a token lacking the endpoint's feature: 401 per the docs, 403 as a switch.</summary>
    public int MissingFeatureStatus { get; set; } = 401;

    /// <summary>Gets or sets a value indicating whether errors use <c>{"status","message"}</c> instead of the observed <c>{"Error":{"Message"}}</c>.</summary>
    public bool StatusMessageErrorShape { get; set; }

    /// <summary>Gets or sets how long events are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(120);
}
