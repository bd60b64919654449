namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A URL of an item. Some carry user info or a query string with a token, as real ones do.</summary>
public sealed record ScenarioUrl(string Href, string? Label, bool Primary);
