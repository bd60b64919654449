namespace OnePasswordGraph.Sources.Users.Records;

/// <summary>One page of <c>ListUsers</c>; <see cref="NextPageToken"/> is absent (or empty) on the last page.</summary>
public sealed record UserPage(IReadOnlyList<OnePasswordUser>? Results, string? NextPageToken);
