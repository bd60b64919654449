namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>One account of <c>OnePassword:Accounts</c>: its own tokens, backfill start, cursors and graph scope.</summary>
public sealed class AccountOptions
{
    /// <summary>Gets or sets the account's name: unique, it scopes the account's nodes, cursors and lease.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets how to reach the Events API; leave BaseUrl empty to skip events.</summary>
    public EventsApiOptions Events { get; set; } = new();

    /// <summary>Gets or sets how to reach Connect; leave BaseUrl empty to skip inventory.</summary>
    public ConnectOptions Connect { get; set; } = new();

    /// <summary>Gets or sets how to reach the Users API; leave ClientId empty to leave people and the response off.</summary>
    public UsersOptions Users { get; set; } = new();

    /// <summary>
    /// Gets or sets where the first sync of a stream starts (ISO 8601). Clamped to the Events API's 120-day retention;
    /// when empty, no past events are fetched.
    /// </summary>
    public string? BackfillStartTime { get; set; }
}
