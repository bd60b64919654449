namespace OnePasswordGraph.Hosting.Doctor;

/// <summary>One check of <c>doctor</c>: what was checked (<c>default / Events API region</c>), its verdict, and what was found or what to fix.</summary>
public sealed record DoctorCheck(string Subject, string Name, DoctorVerdict Verdict, string Detail);
