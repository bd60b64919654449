using System.Globalization;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// How hard the fault suite pushes: <c>short</c> (the default, sized for CI on two cores) or <c>long</c>
/// (<c>FAULTS_PROFILE=long</c>, for the benchmark machine: the full figures). <c>FAULTS_SEED</c> repeats a run's
/// random kill points; without it a seed is drawn and printed in the figures.
/// </summary>
internal sealed record FaultProfile(
    string Name,
    int Seed,
    int BackfillEvents,
    int KillPoints,
    TimeSpan Neo4jOutage,
    int MaxRetryAfterSeconds,
    TimeSpan CompetingWriters,
    TimeSpan Soak,
    TimeSpan SoakInterval)
{
    public static FaultProfile Current { get; } = FromEnvironment();

    public bool IsLong => Name == "long";

    private static FaultProfile FromEnvironment()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FAULTS_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next(1, 1_000_000);
        return Environment.GetEnvironmentVariable("FAULTS_PROFILE") switch
        {
            "long" => new FaultProfile("long", seed, 20_000, 20, TimeSpan.FromSeconds(60), 60, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(10)),
            null or "" or "short" => new FaultProfile("short", seed, 2_000, 4, TimeSpan.FromSeconds(10), 3, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10)),
            var other => throw new InvalidOperationException($"FAULTS_PROFILE={other} is not a profile: use short (the default) or long."),
        };
    }
}
