namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A 1Password client application as reported in item usages and sign-in attempts.</summary>
public sealed record ScenarioClient(
    string AppName,
    string AppVersion,
    string PlatformName,
    string PlatformVersion,
    string OsName,
    string OsVersion);
