namespace OnePasswordGraph.Tests.Rules.Support;

/// <summary>A temporary directory of rule files, deleted when disposed.</summary>
internal sealed class RuleFiles : IDisposable
{
    /// <summary>A valid rule, line by line, that tests break one field at a time (line numbers are pinned in messages).</summary>
    public const string Valid = """
        id: my-rule
        name: My rule
        description: Why it matters.
        severity: high
        tags: [T1078]
        lookback: 1h
        parameters:
          minCount:
            default: 3
            description: Events that raise it.
        query: |
          MATCH (e:one_password_item_usage_event)
          WHERE e.account = $account AND e.timestamp >= $since AND e.timestamp <= $now
          WITH count(e) AS n WHERE n >= $minCount
          RETURN [] AS flagged, [] AS evidence, 'x' AS summary, $now AS occurredOn, 'k' AS dedupKey
        """;

    public RuleFiles() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "opg-rules-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="text"/> as <paramref name="fileName"/>; returns the file's full path (the problems' source).</summary>
    public string Write(string fileName, string text)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes <see cref="Valid"/> as <c>my-rule.yaml</c> with <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    public string WriteValid(string from = "", string to = "", string fileName = "my-rule.yaml")
    {
        var text = from.Length == 0 ? Valid : Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.True(Valid.Contains(from, StringComparison.Ordinal), $"'{from}' is not in the valid rule");
        return Write(fileName, text);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
