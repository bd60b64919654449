namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>Where a request comes from: geo location and the IP address seen by 1Password.</summary>
public sealed record ScenarioPlace(string Country, string Region, string City, double Latitude, double Longitude, string IpAddress);
