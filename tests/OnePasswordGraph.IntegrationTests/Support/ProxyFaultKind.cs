namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>The faults <see cref="FaultProxy"/> injects.</summary>
internal enum ProxyFaultKind
{
    /// <summary>An error status (429 with its <c>Retry-After</c>, a 5xx) instead of the upstream's answer.</summary>
    Status,

    /// <summary>The upstream's answer after a delay (longer than the client's timeout, for a timeout).</summary>
    Slow,

    /// <summary>The upstream's status, headers and half its body, then the connection is reset.</summary>
    CutMidBody,

    /// <summary>A 200 whose body is an HTML error page, as a misbehaving gateway sends.</summary>
    NotJson,

    /// <summary>A complete 200 response carrying only the first half of the upstream's JSON.</summary>
    Truncated,
}
