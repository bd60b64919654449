using OnePasswordGraph.Graph;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>Builds the statement a rule runs as: its query with <c>$account</c>, <c>$since</c>, <c>$now</c> and its parameter values.</summary>
internal static class RuleStatement
{
    public static CypherStatement For(AlertRule rule, string account, DateTimeOffset since, DateTimeOffset now, string prefix = "")
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["account"] = account,
            ["since"] = since.ToUnixTimeMilliseconds(),
            ["now"] = now.ToUnixTimeMilliseconds(),
        };
        foreach (var (name, value) in rule.ParameterValues)
        {
            parameters[name] = value;
        }

        return new CypherStatement(prefix + rule.Query, parameters);
    }
}
