using System.Text;
using System.Text.RegularExpressions;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>Finds the <c>$name</c> parameters a Cypher query uses, ignoring string literals, quoted names and comments.</summary>
internal static partial class QueryParameterScanner
{
    public static IReadOnlySet<string> Scan(string query) =>
        Parameter().Matches(Code(query)).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Returns the query with every string literal, quoted name and comment blanked to one space.</summary>
    /// <remarks>A '$' or a keyword inside 'text', `name` or a comment is not code.</remarks>
    public static string Code(string query)
    {
        var code = new StringBuilder(query.Length);
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            var end = c switch
            {
                '\'' or '"' or '`' => ClosingQuote(query, i),
                '/' when At(query, i + 1, '/') => LineEnd(query, i),
                '/' when At(query, i + 1, '*') => CommentEnd(query, i),
                _ => -1,
            };
            if (end < 0)
            {
                code.Append(c);
                i++;
            }
            else
            {
                code.Append(' ');
                i = end;
            }
        }

        return code.ToString();
    }

    private static bool At(string text, int index, char c) => index < text.Length && text[index] == c;

    private static int ClosingQuote(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote != '`')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text.Length : end;
    }

    private static int CommentEnd(string text, int start)
    {
        var end = text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + 2;
    }

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
