namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>What <see cref="FaultProxy"/> does to one request instead of (or on top of) forwarding it.</summary>
internal sealed record ProxyFault(ProxyFaultKind Kind, int StatusCode = 0, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public override string ToString() => Kind switch
    {
        ProxyFaultKind.Status when RetryAfterSeconds is { } seconds => $"{StatusCode} Retry-After {seconds}",
        ProxyFaultKind.Status => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ProxyFaultKind.Slow => $"slow {Delay.TotalSeconds:0.#} s",
        _ => Kind.ToString(),
    };

    public static ProxyFault Status(int statusCode, int? retryAfterSeconds = null) => new(ProxyFaultKind.Status, statusCode, retryAfterSeconds);

    public static ProxyFault Slow(TimeSpan delay) => new(ProxyFaultKind.Slow, Delay: delay);

    public static ProxyFault CutMidBody { get; } = new(ProxyFaultKind.CutMidBody);

    public static ProxyFault NotJson { get; } = new(ProxyFaultKind.NotJson);

    public static ProxyFault Truncated { get; } = new(ProxyFaultKind.Truncated);
}
