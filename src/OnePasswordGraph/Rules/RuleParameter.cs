namespace OnePasswordGraph.Rules;

/// <summary>A tunable value of a rule, passed to its query as <c>$Name</c>.</summary>
/// <param name="Name">The parameter's name, as used in the query.</param>
/// <param name="Default">
/// The value the rule file declares: <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>
/// or <see cref="IReadOnlyList{T}"/> of <see cref="string"/>. Its type is the parameter's type: an override must convert to it.
/// </param>
/// <param name="Description">What the parameter tunes, for the docs.</param>
public sealed record RuleParameter(string Name, object? Default, string Description);
