using System.Text.RegularExpressions;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Rules;

/// <summary>The README's example of a user's own rule is a rule the catalog loads, so the documentation cannot drift from the format.</summary>
public sealed partial class ReadmeRuleExampleTests
{
    [Fact]
    public void ReadmeExample_LoadsWithoutProblems()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var example = YamlBlock().Match(readme);
        Assert.True(example.Success, "README.md has no ```yaml block with a rule");
        var directory = Directory.CreateTempSubdirectory("opg-readme-rule-");
        try
        {
            var id = Regex.Match(example.Groups["body"].Value, "^id: (?<id>[a-z0-9-]+)", RegexOptions.Multiline).Groups["id"].Value;
            File.WriteAllText(Path.Combine(directory.FullName, id + ".yaml"), example.Groups["body"].Value);

            var rules = RuleCatalog.LoadDirectory(directory.FullName);

            Assert.Empty(rules.Problems);
            Assert.Equal(id, Assert.Single(rules.Rules).Id);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [GeneratedRegex("```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
