namespace OnePasswordGraph.Sources.Events;

/// <summary>The three event streams of the Events API.</summary>
public enum EventStreamKind
{
    /// <summary>Item usages: <c>itemusages</c>.</summary>
    ItemUsages,

    /// <summary>Audit events: <c>auditevents</c>.</summary>
    AuditEvents,

    /// <summary>Sign-in attempts: <c>signinattempts</c>.</summary>
    SignInAttempts,
}
