namespace OnePasswordGraph.Sources.Events;

/// <summary>Names and paths of the streams, as the Events API spells them.</summary>
public static class EventStreamKindExtensions
{
    /// <summary>Gets the feature of every stream, in declaration order.</summary>
    public static IReadOnlyList<string> AllFeatures { get; } = [.. Enum.GetValues<EventStreamKind>().Select(Feature)];

    /// <summary>Gets the feature a token needs for the stream (also the stream's name in the sync state).</summary>
    public static string Feature(this EventStreamKind stream) => stream switch
    {
        EventStreamKind.ItemUsages => "itemusages",
        EventStreamKind.AuditEvents => "auditevents",
        EventStreamKind.SignInAttempts => "signinattempts",
        _ => throw new ArgumentOutOfRangeException(nameof(stream)),
    };

    /// <summary>Gets the endpoint path for an API version (<c>v1</c> or <c>v2</c>).</summary>
    public static string Path(this EventStreamKind stream, string apiVersion) => $"/api/{apiVersion}/{stream.Feature()}";

    /// <summary>Gets how the 1Password admin console names the feature when issuing a token.</summary>
    public static string ConsoleName(this EventStreamKind stream) => stream switch
    {
        EventStreamKind.ItemUsages => "Item usage events",
        EventStreamKind.AuditEvents => "Audit events",
        _ => "Sign-in attempts",
    };
}
