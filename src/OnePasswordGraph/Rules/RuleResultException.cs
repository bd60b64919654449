using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Rules;

/// <summary>A rule's query ran but returned rows that do not follow the rule contract (columns and their types).</summary>
public sealed class RuleResultException : OnePasswordGraphException
{
    /// <summary>Initializes a new instance; <paramref name="problem"/> completes the sentence "Rule 'id' …".</summary>
    public RuleResultException(string ruleId, string problem)
        : base($"Rule '{ruleId}' {problem}.")
    {
        RuleId = ruleId;
    }

    /// <summary>Gets the rule's id.</summary>
    public string RuleId { get; }
}
