using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>The configuration is invalid. Lists every problem at once, each naming its key and what would be valid.</summary>
public sealed class ConfigurationException : OnePasswordGraphException
{
    public ConfigurationException(IReadOnlyList<string> problems)
        : base("The configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
