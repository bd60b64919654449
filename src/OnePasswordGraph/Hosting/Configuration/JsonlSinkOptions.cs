namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>The JSON-lines file sink: one finding per line, appended. Bound from <c>Alerts:Sinks:Jsonl</c>.</summary>
public sealed class JsonlSinkOptions
{
    /// <summary>Gets or sets the file to append to; the sink is off when unset.</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the least severity sent: info, low, medium, high or critical.</summary>
    /// <value>The default value is <c>low</c>.</value>
    public string? MinSeverity { get; set; }
}
