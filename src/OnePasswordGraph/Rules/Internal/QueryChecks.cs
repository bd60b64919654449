using System.Text.RegularExpressions;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>The checks of a rule's query that need no server: its parameters match the declarations, and it only reads.</summary>
internal static partial class QueryChecks
{
    public static IEnumerable<string> Problems(string query, IReadOnlySet<string> declared)
    {
        var code = QueryParameterScanner.Code(query);
        var used = QueryParameterScanner.Scan(query);
        foreach (var name in used.Where(n => !declared.Contains(n) && !ParameterReader.EngineParameters.Contains(n)).Order(StringComparer.Ordinal))
        {
            yield return $"the query uses ${name}, which is neither a declared parameter nor $account, $since or $now";
        }

        foreach (var name in declared.Where(n => !used.Contains(n) && !ParameterReader.EngineParameters.Contains(n)).Order(StringComparer.Ordinal))
        {
            yield return $"parameter '{name}' is declared but the query never uses ${name}; remove it or use it";
        }

        // Rules run on every sync with the sync's credentials: a query that writes could damage the graph it watches.
        var writes = Writing().Matches(code).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (writes.Count > 0)
        {
            yield return $"the query must only read, but uses {string.Join(", ", writes)}";
        }
    }

    [GeneratedRegex(@"(?<![\w.$`])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|FOREACH|LOAD|CALL|DROP)(?![\w`])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Writing();
}
