namespace OnePasswordGraph.Rules;

/// <summary>The rules that loaded (enabled or not) and the problems found; a broken rule is in the problems only.</summary>
public sealed record RuleSet(IReadOnlyList<AlertRule> Rules, IReadOnlyList<RuleProblem> Problems)
{
    /// <summary>Gets the rules that run.</summary>
    public IEnumerable<AlertRule> EnabledRules => Rules.Where(r => r.Enabled);

    /// <summary>Finds a rule by id.</summary>
    public AlertRule? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
