namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>Responses to findings. Bound from <c>Alerts:Response</c>.</summary>
public sealed class ResponseOptions
{
    /// <summary>Gets or sets the suspend-user response (<c>Alerts__Response__SuspendUser__…</c>).</summary>
    public SuspendUserOptions SuspendUser { get; set; } = new();
}
