namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// What a scenario is generated for. The purpose feeds the identifiers together with the seed, so scenarios of
/// different purposes never share a user, vault, item or event uuid even when their seeds are equal.
/// </summary>
public static class ScenarioPurpose
{
    /// <summary>The account <c>onepassword-graph demo</c> serves and syncs.</summary>
    public const string Demo = "demo";

    /// <summary>The account <c>onepassword-graph simulator</c> serves.</summary>
    public const string Simulator = "simulator";

    /// <summary>Scenarios built by tests and benchmarks that do not name a purpose.</summary>
    public const string Test = "test";
}
