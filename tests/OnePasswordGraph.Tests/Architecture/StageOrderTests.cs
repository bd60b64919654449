using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using OnePasswordGraph.Cli;
using OnePasswordGraph.Graph;

namespace OnePasswordGraph.Tests.Architecture;

/// <summary>
/// Keeps the pipeline's stages in dependency order (docs/architecture.md): a namespace uses only its own stage,
/// earlier stages and the cross-cutting folders, and an <c>Internal</c> namespace is used only from its parent.
/// </summary>
public sealed class StageOrderTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() =>
        new ArchLoader().LoadAssemblies(typeof(GraphWriter).Assembly, typeof(ExitCodes).Assembly).Build());

    /// <summary>Gets the stages in pipeline order. The schema is the data model that mappers target, so it precedes them.</summary>
    public static TheoryData<string> Stages => [.. StageRanks.Select(s => s.Namespace)];

    private static readonly (string Namespace, int Rank)[] StageRanks =
    [
        ("OnePasswordGraph.Resilience", 0),
        ("OnePasswordGraph.Diagnostics", 0),
        ("OnePasswordGraph.Sources", 1),
        ("OnePasswordGraph.Graph.Schema", 2),
        ("OnePasswordGraph.Mapping", 3),
        ("OnePasswordGraph.Graph", 4),
        ("OnePasswordGraph.Rules", 5),
        ("OnePasswordGraph.Delivery", 6),
        ("OnePasswordGraph.Sync", 7),
        ("OnePasswordGraph.Hosting", 8),
        ("OnePasswordGraph.Cli", 9),
    ];

    [Theory]
    [MemberData(nameof(Stages))]
    public void Stage_UsesOnlyEarlierStages(string stage)
    {
        var rank = RankOf(stage)!.Value;
        var violations = DependenciesFrom(stage)
            .Where(d => RankOf(d.Target) is { } targetRank && targetRank > rank && StageOf(d.Target) != stage)
            .Select(d => $"{d.Origin} uses {d.Target}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, $"{stage} must not use a later stage:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Fact]
    public void InternalNamespaces_AreUsedOnlyFromTheirParent()
    {
        var violations = OwnTypes()
            .SelectMany(type => type.Dependencies.Where(d => d.Target is not GenericParameter).Select(d => (Origin: type.Namespace.FullName, OriginType: type.FullName, Target: d.Target.Namespace.FullName, TargetType: d.Target.FullName)))
            .Where(d => InternalParent(d.Target) is { } parent && !(d.Origin == parent || d.Origin.StartsWith(parent + ".", StringComparison.Ordinal)))
            .Select(d => $"{d.OriginType} uses {d.TargetType}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, $"Internal namespaces used from outside their parent:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Fact]
    public void EveryOwnNamespace_BelongsToAStage()
    {
        var orphans = OwnTypes().Select(t => t.Namespace.FullName).Distinct()
            .Where(ns => RankOf(ns) is null && !IsCompilerGenerated(ns)).ToList();

        Assert.True(orphans.Count == 0, "Namespaces outside every stage: " + string.Join(", ", orphans));
    }

    private static IEnumerable<(string Origin, string Target)> DependenciesFrom(string stage) =>
        OwnTypes()
            .Where(type => StageOf(type.Namespace.FullName) == stage)
            .SelectMany(type => type.Dependencies.Where(d => d.Target is not GenericParameter).Select(d => (Origin: type.FullName, Target: d.Target.Namespace.FullName)))
            .Select(d => (d.Origin, d.Target));

    private static IEnumerable<IType> OwnTypes() =>
        Loaded.Value.Types.Where(t => t.Namespace.FullName.StartsWith("OnePasswordGraph", StringComparison.Ordinal));

    // The longest stage prefix wins, so OnePasswordGraph.Graph.Schema is its own stage ahead of the rest of Graph.
    private static string? StageOf(string ns) =>
        StageRanks.Where(s => ns == s.Namespace || ns.StartsWith(s.Namespace + ".", StringComparison.Ordinal))
            .OrderByDescending(s => s.Namespace.Length).Select(s => s.Namespace).FirstOrDefault();

    private static int? RankOf(string ns) => StageOf(ns) is { } stage ? StageRanks.First(s => s.Namespace == stage).Rank : null;

    private static string? InternalParent(string ns)
    {
        var index = ns.IndexOf(".Internal", StringComparison.Ordinal);
        return index < 0 || !(ns.Length == index + 9 || ns[index + 9] == '.') ? null : ns[..index];
    }

    private static bool IsCompilerGenerated(string ns) => ns.Contains('<', StringComparison.Ordinal);
}
