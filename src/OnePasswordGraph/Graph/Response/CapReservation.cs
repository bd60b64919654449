namespace OnePasswordGraph.Graph.Response;

/// <summary>The answer to a request for a place under the suspend-user response's hourly cap.</summary>
/// <param name="Granted">Whether a place was free and is now held.</param>
/// <param name="Taken">The places already taken in the hour before the request.</param>
/// <param name="Id">The reservation's entry on the cap's node, for <see cref="ResponseActions.ReleaseAsync"/>.</param>
public sealed record CapReservation(bool Granted, long Taken, string Id);
