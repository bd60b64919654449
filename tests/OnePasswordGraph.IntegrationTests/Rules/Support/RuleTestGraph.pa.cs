namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>Series of events for the rules of item-usage and sign-in baselines (bursts, histories).</summary>
internal sealed partial class RuleTestGraph
{
    /// <summary>
    /// Adds <paramref name="count"/> item usages by <paramref name="user"/>, the first at <paramref name="first"/> and
    /// then one every <paramref name="step"/>, each of a different item (<c>{itemPrefix}-0</c>, <c>{itemPrefix}-1</c>, ...)
    /// of <paramref name="vault"/>; returns the events' keys in time order.
    /// </summary>
    public IReadOnlyList<string> Usages(
        string user, string action, DateTimeOffset first, int count, TimeSpan step,
        string vault = "v1", string itemPrefix = "item", string? ip = null, string? appName = null) =>
        [.. Enumerable.Range(0, count).Select(i => Usage(user, $"{itemPrefix}-{i}", vault, action, first + (step * i), ip: ip, appName: appName))];

    /// <summary>
    /// Adds <paramref name="count"/> sign-in attempts for <paramref name="user"/>, the first at <paramref name="first"/>
    /// and then one every <paramref name="step"/>; returns the events' keys in time order.
    /// </summary>
    public IReadOnlyList<string> SignIns(
        string user, string category, string type, DateTimeOffset first, int count, TimeSpan step,
        string? ip = null, string? country = null, string? appName = null) =>
        [.. Enumerable.Range(0, count).Select(i => SignIn(user, category, type, first + (step * i), ip: ip, country: country, appName: appName))];
}
