using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Mapping.Connect;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sources.Connect.Records;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>
/// Builds the smallest graph a rule test needs, the way a sync would: Events API records and Connect inventory go
/// through the production mappers and the production writer, so a rule is tested against the graph it will really
/// see. Collect records with <see cref="Usage"/>, <see cref="SignIn"/>, <see cref="Audit"/>, <see cref="Vault"/>,
/// <see cref="Secret"/> and <see cref="SyncState"/>, call <see cref="WriteAsync"/>, then <see cref="EvaluateAsync(string, DateTimeOffset, DateTimeOffset, IReadOnlyDictionary{string, string})"/>.
/// </summary>
/// <param name="neo4j">The shared Neo4j (reset it in the test class's InitializeAsync).</param>
/// <param name="account">The configured account name the records belong to.</param>
internal sealed partial class RuleTestGraph(Neo4jServerFixture neo4j, string account = "acme")
{
    /// <summary>A fixed "now" for tests; events are placed relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private const string ApiVersion = "v2";

    private readonly List<ItemUsage> _usages = [];
    private readonly List<SignInAttempt> _signIns = [];
    private readonly List<AuditEvent> _audits = [];
    private readonly List<ConnectVault> _vaults = [];
    private readonly Dictionary<string, List<ConnectItem>> _items = new(StringComparer.Ordinal);
    private readonly List<GraphEntity> _states = [];
    private int _sequence;

    /// <summary>Gets the configured account name (also the account node's <c>_key</c>).</summary>
    public string Account => account;

    /// <summary>Writes everything collected so far (inventory, account node, events, sync state) and starts a new collection.</summary>
    public async Task WriteAsync()
    {
        var writer = neo4j.CreateWriter();
        var context = new GraphWriteContext(account, "rule-test-run");
        var accountNode = new GraphEntity(OnePasswordNodeTypes.Account, account, new Dictionary<string, object?> { ["name"] = account });
        var changes = new List<GraphChanges>
        {
            new([accountNode], []),
            InventoryMapper.Vaults(account, _vaults),
        };
        changes.AddRange(_items.Select(pair => InventoryMapper.Items(pair.Key, pair.Value)));
        changes.Add(new ItemUsageMapper(account).Map(_usages, ApiVersion));
        changes.Add(new SignInAttemptMapper(account).Map(_signIns, ApiVersion));
        changes.Add(new AuditEventMapper(account).Map(_audits, ApiVersion));
        changes.Add(new GraphChanges(_states, []));
        foreach (var change in changes.Where(c => c.RowCount > 0))
        {
            await writer.WriteAsync(change, context, CancellationToken.None);
        }

        _usages.Clear();
        _signIns.Clear();
        _audits.Clear();
        _vaults.Clear();
        _items.Clear();
        _states.Clear();
    }

    /// <summary>
    /// Loads the built-in rule <paramref name="ruleId"/> (with <paramref name="parameterOverrides"/> applied the way
    /// configuration applies them) and evaluates it over the graph; fails the test if the rule does not load.
    /// </summary>
    public Task<IReadOnlyList<Finding>> EvaluateAsync(
        string ruleId, DateTimeOffset since, DateTimeOffset now, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        var rule = LoadRule(ruleId, parameterOverrides);
        return new RuleEvaluator(neo4j.Runner).EvaluateAsync(rule, account, since, now, CancellationToken.None);
    }

    /// <summary>Evaluates <paramref name="rule"/> (a rule made in the test) over the graph.</summary>
    public Task<IReadOnlyList<Finding>> EvaluateAsync(AlertRule rule, DateTimeOffset since, DateTimeOffset now) =>
        new RuleEvaluator(neo4j.Runner).EvaluateAsync(rule, account, since, now, CancellationToken.None);

    /// <summary>Loads a built-in rule with overrides; fails the test with the catalog's problems if it does not load.</summary>
    public static AlertRule LoadRule(string ruleId, IReadOnlyDictionary<string, string>? parameterOverrides = null)
    {
        var overrides = parameterOverrides is null ? null : new Dictionary<string, RuleOverride> { [ruleId] = new(null, parameterOverrides) };
        var rules = RuleCatalog.LoadBuiltIn(overrides);
        var problems = rules.Problems.Where(p => p.Source == $"built-in:{ruleId}.yaml" || p.Source == "configuration").ToList();
        Assert.True(problems.Count == 0, $"Rule {ruleId} does not load:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return rules.Find(ruleId) ?? throw new InvalidOperationException($"No built-in rule has the id '{ruleId}'.");
    }

    private string NextUuid(string prefix) => $"{prefix}-{++_sequence:D4}";

    private static EventUser Person(string uuid) => new() { Uuid = uuid, Name = uuid, Email = uuid + "@example.com" };
}
