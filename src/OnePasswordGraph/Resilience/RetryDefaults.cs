namespace OnePasswordGraph.Resilience;

/// <summary>Defaults of <see cref="RetryOptions"/>, close to what the Neo4j drivers and the 1Password connectors use.</summary>
public static class RetryDefaults
{
    public const int MaxRetryAttempts = 6;

    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);
}
