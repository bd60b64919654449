namespace OnePasswordGraph.Hosting.Doctor;

/// <summary>How one <c>doctor</c> check came out.</summary>
public enum DoctorVerdict
{
    Ok,

    /// <summary>Works, but not fully (a stream will be skipped, the schema is not applied yet).</summary>
    Warning,

    /// <summary>A sync would fail here; the detail says what to fix.</summary>
    Failed,
}
