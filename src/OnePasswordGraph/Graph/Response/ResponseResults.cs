namespace OnePasswordGraph.Graph.Response;

/// <summary>The <c>result</c> words of a <c>one_password_response_action</c>.</summary>
public static class ResponseResults
{
    public const string Suspended = "suspended";
    public const string Reactivated = "reactivated";
    public const string DryRun = "dry-run";
    public const string Refused = "refused";
    public const string SkippedProtected = "skipped-protected";
    public const string SkippedCap = "skipped-cap";
    public const string Failed = "failed";

    /// <summary>Gets the results the hourly cap counts: users suspended, or that a dry run would have suspended.</summary>
    public static IReadOnlyList<string> Counted { get; } = [Suspended, DryRun];
}
