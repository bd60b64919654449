namespace OnePasswordGraph.Rules;

/// <summary>Something wrong with a rule file or a rule's configuration.</summary>
/// <param name="Source">The file's path, <c>built-in:&lt;id&gt;.yaml</c>, or <c>configuration</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RuleProblem(string Source, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}: {Message}";
}
