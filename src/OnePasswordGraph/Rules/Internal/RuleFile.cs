namespace OnePasswordGraph.Rules.Internal;

/// <summary>The text of one rule file and where it came from.</summary>
/// <param name="Source">The file's path, or <c>built-in:&lt;id&gt;.yaml</c>.</param>
/// <param name="Id">The file name without extension, which the rule's id must equal.</param>
/// <param name="Text">The YAML.</param>
internal sealed record RuleFile(string Source, string Id, string Text);
