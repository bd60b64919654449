namespace OnePasswordGraph.Sources.Events;

/// <summary>The Events API's regional hosts: a token works only against the host of its account's region.</summary>
public static class EventsApiRegions
{
    public static IReadOnlyList<string> Hosts { get; } = ["events.1password.com", "events.ent.1password.com", "events.1password.ca", "events.1password.eu"];
}
